package forum.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token issuer's JWK set route on loopback for the tests of {@link RemoteTokenKeys}: HTTP/1.1, one request per
 * connection, answering as {@link #answer} says; {@link #close()} takes it down (connections refused). The JDK's
 * HttpServer is not readable from the named module these tests are compiled into, hence the socket.
 */
final class JwkSetIssuer implements AutoCloseable {

    /** How the issuer answers a fetch of its JWK set. */
    enum Answer {
        /** 200 with the JWK set. */
        KEYS,
        /** 503 with no body. */
        UNAVAILABLE,
        /** 500 with no body. */
        SERVER_ERROR,
        /** 200 with a body that is not a JWK set (an HTML error page of a proxy). */
        GARBAGE,
        /** No answer at all: the fetch runs into its read timeout. */
        SILENT
    }

    final AtomicReference<Answer> answer;
    final AtomicReference<JWKSet> keys;
    final AtomicInteger fetches = new AtomicInteger();
    private final ServerSocket socket;

    JwkSetIssuer(JWKSet keys, Answer answer) throws IOException {
        this.keys = new AtomicReference<>(keys);
        this.answer = new AtomicReference<>(answer);
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread.ofVirtual().start(() -> serve(connection));
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader request = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = request.readLine();
            while (line != null && !line.isEmpty()) {
                line = request.readLine();
            }
            fetches.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            switch (answer.get()) {
                case KEYS -> write(out, "200 OK", "application/json", keys.get().toString());
                case UNAVAILABLE -> write(out, "503 Service Unavailable", null, "");
                case SERVER_ERROR -> write(out, "500 Internal Server Error", null, "");
                case GARBAGE -> write(out, "200 OK", "application/json", "<html><body>Bad gateway</body></html>");
                case SILENT -> Thread.sleep(10_000);
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up, or the test is over
        }
    }

    private static void write(OutputStream out, String status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Connection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api/users/jwks.json";
    }

    /** Takes the issuer down: from now on a fetch finds nothing listening. */
    @Override
    public void close() throws IOException {
        int port = socket.getLocalPort();
        socket.close();
        // The JDK may finish closing a socket whose accept() a thread is blocked in only once that thread wakes: wait
        // until the port refuses connections, so that the next fetch surely finds nothing listening.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.onSpinWait();
            } catch (IOException refused) {
                return;
            }
        }
        throw new IOException("port " + port + " still accepts connections 2 s after the issuer was closed");
    }
}
