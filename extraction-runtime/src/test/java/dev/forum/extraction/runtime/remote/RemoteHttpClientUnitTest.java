package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The pooled HTTP client every remote module of a process shares ({@link RemoteModuleClients#pooledHttpClient}):
 * in, a raw loopback server that keeps connections open after its answers (or closes them, or answers nothing); out,
 * how many connections and requests the server saw. Calls reuse a kept-alive connection; one the server closed
 * while it sat idle in the pool longer than {@link RemoteModuleClients#VALIDATE_AFTER_INACTIVITY} is not used; and
 * the client never repeats a request by itself (retries are the module's Resilience4j retry's to decide).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RemoteHttpClientUnitTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    /** What the server does with a connection after reading a request's head. */
    private enum Serve { ANSWER_AND_KEEP, ANSWER_AND_CLOSE, CLOSE_WITHOUT_ANSWER }

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private ServerSocket listener;
    private CloseableHttpClient httpClient;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        if (httpClient != null) {
            httpClient.close(CloseMode.IMMEDIATE);
        }
    }

    @Test
    void callsOneAfterAnotherShareOneKeptAliveConnection() throws IOException {
        RestClient client = client(Serve.ANSWER_AND_KEEP);

        for (int i = 0; i < 3; i++) {
            assertThat(client.get().uri("/api/things/1").retrieve().body(String.class)).isEqualTo("{\"id\":1}");
        }

        assertThat(requests).hasValue(3);
        assertThat(connections).hasValue(1);
    }

    @Test
    void aConnectionThePeerClosedWhileIdleIsNotReused() throws Exception {
        // The server closes each connection after its answer without saying so (no Connection: close), as a balancer
        // or a stopping instance does to an idle keep-alive connection.
        RestClient client = client(Serve.ANSWER_AND_CLOSE);
        assertThat(client.get().uri("/api/things/1").retrieve().body(String.class)).isEqualTo("{\"id\":1}");

        Thread.sleep(RemoteModuleClients.VALIDATE_AFTER_INACTIVITY.plusMillis(300).toMillis());
        // A write, which nothing retries: on the closed connection it would fail.
        assertThat(client.post().uri("/api/things").body("{}").retrieve().body(String.class)).isEqualTo("{\"id\":1}");

        assertThat(requests).hasValue(2);
        assertThat(connections).hasValue(2);
    }

    @Test
    void theClientNeverRepeatsARequestByItself() throws IOException {
        RestClient client = client(Serve.CLOSE_WITHOUT_ANSWER);

        Throwable thrown = catchThrowable(() -> client.get().uri("/api/things/1").retrieve().body(String.class));

        assertThat(thrown).hasRootCauseInstanceOf(IOException.class);
        assertThat(requests).hasValue(1);
    }

    private RestClient client(Serve serve) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> acceptAll(serve), "raw-http-server");
        server.setDaemon(true);
        server.start();
        httpClient = RemoteModuleClients.pooledHttpClient(Duration.ofMillis(250), READ_TIMEOUT);
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + listener.getLocalPort())
                .requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                .build();
    }

    private void acceptAll(Serve serve) {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                Thread connection = new Thread(() -> serveConnection(socket, serve), "raw-http-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveConnection(Socket socket, Serve serve) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                int bodyLength = readHead(in);
                if (bodyLength < 0) {
                    return;
                }
                in.readNBytes(bodyLength);
                requests.incrementAndGet();
                if (serve == Serve.CLOSE_WITHOUT_ANSWER) {
                    return;
                }
                String body = "{\"id\":1}";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (serve == Serve.ANSWER_AND_CLOSE) {
                    return;
                }
            }
        } catch (IOException e) {
            // the test is over
        }
    }

    /** Reads a request's head; returns its Content-Length (0 without one), or -1 when the connection ended first. */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
