package forum.platform.security;

import dev.forum.extraction.runtime.remote.RemoteCallHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Token relay: every call to a remote module on a caller's behalf carries the caller's own verified access token
 * ({@code Authorization: Bearer <token>}, from {@link Callers#token()}), so the module called verifies the caller
 * itself. A request without a verified token relays none.
 */
@Component
final class TokenRelay implements RemoteCallHeaders {

    @Override
    public void contribute(String module, HttpHeaders headers) {
        Callers.token().ifPresent(headers::setBearerAuth);
    }
}
