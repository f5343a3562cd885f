package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.closedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

/**
 * A module that cannot be reached, and how {@link RemoteCallInterceptor} says why: in, a call to a closed port or to a
 * server that hangs up before answering, or an {@link IOException} given to {@link RemoteCallInterceptor#describe};
 * out, a {@link RemoteModuleUnavailableException} whose message gives the kind of failure (refused, failed, does not
 * resolve, TLS) and never the exception's class, host or port, the failure kept as its cause. Runs against
 * {@link RemoteCallFixture}.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemoteCallUnreachableUnitTest {

    @RegisterExtension
    final RemoteCallFixture remote = new RemoteCallFixture();

    @Test
    void aClosedPortIsUnavailableQuickly() throws IOException {
        RestClient client = remote.client("http://127.0.0.1:" + closedPort());

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client.get().uri("/api/users/1").retrieve().body(String.class));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: it refused the connection")
                .hasCauseInstanceOf(IOException.class);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfFailedCalls())
                .as("a read that cannot connect is tried twice").isEqualTo(2);
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsUnavailableWithoutNamingTheClientsInternals() throws Exception {
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!closing.isClosed()) {
                    try (var accepted = closing.accept()) {
                        accepted.getInputStream().read(); // the request has arrived; hang up without an answer
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RestClient client = remote.client("http://127.0.0.1:" + closing.getLocalPort());

            Throwable thrown = catchThrowable(() -> client.post().uri("/api/users").body("{}").retrieve().body(String.class));

            assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                    .hasMessage("The users module is unavailable: the connection to it failed")
                    .hasCauseInstanceOf(IOException.class);
            closing.close();
            acceptor.join(2_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-host", "tls"})
    void aReasonNamesTheKindOfFailureNeverItsClassOrMessage(String kind) {
        IOException failure = switch (kind) {
            case "unknown-host" -> new IOException(new java.net.UnknownHostException("users.internal.example"));
            default -> new javax.net.ssl.SSLHandshakeException("PKIX path building failed for users.internal.example:8443");
        };

        String reason = RemoteCallInterceptor.describe(failure);

        assertThat(reason).isEqualTo(kind.equals("tls") ? "the TLS handshake with it failed" : "its address does not resolve")
                .doesNotContain("Exception", "example", "8443");
    }
}
