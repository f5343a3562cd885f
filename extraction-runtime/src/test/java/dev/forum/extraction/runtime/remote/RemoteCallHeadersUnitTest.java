package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/**
 * The headers {@link RemoteCallInterceptor} adds through its {@link RemoteCallHeaders}: in, a {@code requestId} in the
 * log context (MDC) or none; out, the {@code X-Request-Id} header the module received, that id or no header at all.
 * Runs against {@link RemoteCallFixture}, whose relay copies the log context's request id as the forum's does.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemoteCallHeadersUnitTest {

    @RegisterExtension
    final RemoteCallFixture remote = new RemoteCallFixture();

    @Test
    void theRequestIdOfTheLogContextIsPassedOn() {
        AtomicReference<String> received = new AtomicReference<>();
        remote.server().route("/ok", (request, hit) -> {
            received.set(request.header("X-Request-Id"));
            return answer(200, "ok");
        });
        MDC.put("requestId", "req-7f3a.42");

        assertThat(remote.client().get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");

        assertThat(received.get()).isEqualTo("req-7f3a.42");
    }

    @Test
    void noRequestIdIsSentWithoutOne() {
        AtomicReference<String> received = new AtomicReference<>("unset");
        remote.server().route("/ok", (request, hit) -> {
            received.set(request.header("X-Request-Id"));
            return answer(200, "ok");
        });
        MDC.remove("requestId");

        assertThat(remote.client().get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");

        assertThat(received.get()).isNull();
    }
}
