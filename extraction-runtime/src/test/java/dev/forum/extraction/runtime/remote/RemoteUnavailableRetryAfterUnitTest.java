package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.BREAKER_WINDOW;
import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static dev.forum.extraction.runtime.remote.RemoteCallFixture.closedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Every 503 a remote module's failure becomes says when to try again: in, a module that refuses the connection, answers
 * 503 with or without its own {@code Retry-After}, or has its breaker open; out, {@link RemoteModuleUnavailableException}
 * with {@code retryAfterSeconds()} and the {@code Retry-After} field of its {@code getHeaders()} (what an application
 * with no handler of its own answers). Through a real client and {@link RemoteCallFixture}'s breaker (30 s open).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RemoteUnavailableRetryAfterUnitTest {

    @RegisterExtension
    final RemoteCallFixture remote = new RemoteCallFixture();

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @ParameterizedTest(name = "Retry-After: \"{0}\" -> {1} s")
    @CsvSource(delimiter = '|', value = {
        "7 | 7", "  12  | 12", "0 | 1", "3600 | 3600", "3601 | 3600", "99999999999999999999 | 3600",
        "Fri, 04 Dec 2026 12:00:20 GMT | 20", "Fri, 04 Dec 2026 11:59:00 GMT | 1", "Sat, 05 Dec 2026 12:00:00 GMT | 3600",
        "-5 | 1", "5s | 1", "soon | 1", "1.5 | 1", "'' | 1"})
    void aModulesOwnRetryAfterIsReadAsDeltaSecondsOrAnHttpDateWithinAnHour(String field, long seconds) {
        Duration wait = RetryAfter.parse(field, NOW);

        assertThat(new RemoteModuleUnavailableException("users", "it answered 503", wait, null).retryAfterSeconds())
                .isEqualTo(seconds);
    }

    @Test
    void aMissingFieldIsTryAgainSoon() {
        assertThat(RetryAfter.parse(null, NOW)).isEqualTo(RemoteModuleUnavailableException.RETRY_SOON);
    }

    @Test
    void aWaitIsRoundedUpToWholeSeconds() {
        assertThat(new RemoteModuleUnavailableException("m", "r", Duration.ofMillis(2001), null).retryAfterSeconds())
                .isEqualTo(3);
        assertThat(new RemoteModuleUnavailableException("m", "r", Duration.ofMillis(1), null).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new RemoteModuleUnavailableException("m", "r", null, null).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void a503OfTheModuleKeepsItsRetryAfter() {
        remote.server().route("/down", (request, hit) -> new Response(503, "", Map.of("Retry-After", "42")));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(90).atOffset(ZoneOffset.UTC));
        remote.server().route("/dated", (request, hit) -> new Response(502, "", Map.of("Retry-After", date)));

        RemoteModuleUnavailableException delta = unavailable(remote.client(), "/down");
        RemoteModuleUnavailableException dated = unavailable(remote.client(), "/dated");

        assertThat(delta.retryAfterSeconds()).isEqualTo(42);
        assertThat(delta.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
        assertThat(delta.getStatusCode().value()).isEqualTo(503);
        assertThat(dated.retryAfterSeconds()).isBetween(85L, 90L);
    }

    @Test
    void a503WithoutRetryAfterAndARefusedConnectionAreTryAgainSoon() throws IOException {
        remote.server().route("/down", (request, hit) -> answer(503, ""));

        assertThat(unavailable(remote.client(), "/down").getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(unavailable(remote.client("http://127.0.0.1:" + closedPort()), "/down").retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void anOpenBreakerSaysHowLongItStaysOpen() {
        remote.server().route("/down", (request, hit) -> answer(500, ""));
        for (int i = 0; i < BREAKER_WINDOW; i++) {
            catchThrowable(() -> remote.client().post().uri("/down").body("x").retrieve().toBodilessEntity());
        }

        RemoteModuleUnavailableException open = unavailable(remote.client(), "/down");

        assertThat(open).hasMessageContaining("circuit breaker is open");
        assertThat(open.retryAfterSeconds()).isEqualTo(30);
        assertThat(open.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    }

    private static RemoteModuleUnavailableException unavailable(RestClient client, String path) {
        Throwable thrown = catchThrowable(() -> client.get().uri(path).retrieve().body(String.class));
        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class);
        return (RemoteModuleUnavailableException) thrown;
    }
}
