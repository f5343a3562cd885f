package forum.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests: requests go over loopback to the running server, like a user's curl. */
public final class ForumHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    private final String token;

    public ForumHttp(int port) {
        this(port, null);
    }

    private ForumHttp(int port, String token) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
    public ForumHttp withToken(String token) {
        return new ForumHttp(port, token);
    }

    /**
     * Logs in through {@code POST /api/users/login} and answers a client that sends the token it got.
     *
     * @throws IllegalStateException if the login is refused
     */
    public ForumHttp loggedInAs(String username, String password) {
        Reply reply = postJson("/api/users/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " refused: " + reply);
        }
        return withToken(reply.json().get("access_token").asString());
    }

    /** The token this client sends, or null. */
    public String token() {
        return token;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply postJson(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    /** Any method, content type and body (a null body sends none), and any extra headers as name, value pairs. */
    public Reply send(String method, String path, String contentType, String body, String... headers) {
        return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * As {@link #send(String, String, String, String, String...)}, with the body as these bytes (null: none): for
     * bodies that are not UTF-8 text, which no String is sent as.
     */
    public Reply sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A body of unknown length, sent chunked: the server cannot refuse it before reading. */
    public Reply postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /**
     * Sends {@code head} as it is (request line and header fields, each ending in CRLF; this adds the Host
     * field, {@code Connection: close} and the blank line) and reads the answer until the server closes. For
     * requests no HTTP client would send: characters a URI may not hold, malformed request lines or fields.
     */
    public Reply sendRaw(String head) {
        return sendRaw(head, "");
    }

    /**
     * {@link #sendRaw(String)} with {@code body} sent as it is after the blank line (its framing, a Content-Length
     * or chunks, is the caller's to spell in {@code head} and {@code body}).
     */
    public Reply sendRaw(String head, String body) {
        return sendRaw(head, body, false);
    }

    /**
     * {@link #sendRaw(String, String)}, then closes the client's side of the connection (TCP half-close: the
     * server reads the end of the stream), as a client that stops in the middle of its body does; the answer is
     * still read. With a body shorter than its Content-Length, or chunks without their last one.
     */
    public Reply sendRawThenHalfClose(String head, String body) {
        return sendRaw(head, body, true);
    }

    /**
     * {@link #sendRaw(String, String)} without the Host field it adds: only {@code Connection: close} ends the head.
     */
    public Reply sendRawWithoutHost(String head, String body) {
        return sendRaw(head, body, false, false);
    }

    private Reply sendRaw(String head, String body, boolean halfClose) {
        return sendRaw(head, body, halfClose, true);
    }

    private Reply sendRaw(String head, String body, boolean halfClose, boolean host) {
        String hostField = host ? "Host: 127.0.0.1:" + port + "\r\n" : "";
        return exchange((head + hostField + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8),
                halfClose);
    }

    /**
     * Sends {@code bytes} as they are on a new connection, nothing added, and reads the answer to the end of the
     * connection: for what is not an HTTP/1.1 request at all (HTTP/2's connection preface).
     */
    public Reply sendBytesAsTheyAre(byte[] bytes) {
        return exchange(bytes, false);
    }

    private Reply exchange(byte[] request, boolean halfClose) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (answer.isEmpty()) {
                throw new AssertionError("the server closed the connection without a byte of answer");
            }
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? answer : answer.substring(0, end)).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                fields.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
            String answerBody = end < 0 ? "" : answer.substring(end + 4);
            if ("chunked".equalsIgnoreCase(fields.get("Transfer-Encoding"))) {
                answerBody = unchunk(answerBody);
            }
            return new Reply(status, fields.getOrDefault("Content-Type", ""), Optional.ofNullable(fields.get("Location")),
                    Optional.ofNullable(fields.get("Link")), answerBody, Optional.ofNullable(fields.get("Allow")),
                    Optional.ofNullable(fields.get("WWW-Authenticate")), Optional.ofNullable(fields.get("Retry-After")),
                    Optional.ofNullable(fields.get("Set-Cookie")), Optional.ofNullable(fields.get("Cache-Status")),
                    Optional.ofNullable(fields.get("ETag")), Optional.ofNullable(fields.get("Cache-Control")), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"), response.headers().firstValue("Link"), response.body(),
                    response.headers().firstValue("Allow"), response.headers().firstValue("WWW-Authenticate"),
                    response.headers().firstValue("Retry-After"), response.headers().firstValue("Set-Cookie"),
                    response.headers().firstValue("Cache-Status"), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Cache-Control"), firstValues(response.headers()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> firstValues(java.net.http.HttpHeaders headers) {
        Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((name, values) -> first.put(name, values.getFirst()));
        return first;
    }

    /** What came back; {@code headers} holds each header's first value, by name in any case. */
    public record Reply(int status, String contentType, Optional<String> location, Optional<String> link, String body,
                        Optional<String> allow, Optional<String> wwwAuthenticate, Optional<String> retryAfter,
                        Optional<String> setCookie, Optional<String> cacheStatus, Optional<String> etag,
                        Optional<String> cacheControl, Map<String, String> headers) {

        /** @return the first value of the header {@code name} (any case), if it came */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
