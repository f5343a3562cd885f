package forum.platform.remote;

import dev.forum.extraction.runtime.remote.RemoteCallHeaders;
import forum.platform.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Every call to a remote module carries the id of the request it serves ({@code X-Request-Id}, from the log
 * context {@link RequestIdFilter} fills), so one request can be followed across processes.
 */
@Component
final class RequestIdRelay implements RemoteCallHeaders {

    @Override
    public void contribute(String module, HttpHeaders headers) {
        String requestId = MDC.get(RequestIdFilter.REQUEST_ID);
        if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
        }
    }
}
