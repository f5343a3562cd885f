package dev.forum.extraction.runtime.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for tests: one request per connection ({@code Connection: close}),
 * answers from handlers registered per path, and counts the requests that reach each path.
 * (The JDK's {@code com.sun.net.httpserver} is not readable here: test classes are compiled into the
 * named module {@code forum.platform}, which does not read {@code jdk.httpserver}.)
 */
public final class LoopbackHttpServer implements AutoCloseable {

    public record Request(String method, String path, Map<String, String> headers, byte[] body) {

        /** A header's value; names are case-insensitive. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: {@code headers} are sent as given, {@code Content-Type} is text/plain unless they name one. */
    public record Response(int status, String body, Map<String, String> headers) {

        public Response(int status, String body) {
            this(status, body, Map.of());
        }
    }

    @FunctionalInterface
    public interface Handler {
        /** {@code hit} counts the requests to this path, from 1. */
        Response handle(Request request, int hit) throws Exception;
    }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private LoopbackHttpServer(ServerSocket listener) {
        this.listener = listener;
    }

    public static LoopbackHttpServer start() throws IOException {
        LoopbackHttpServer server = new LoopbackHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        server.threads.execute(server::acceptAll);
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public void route(String path, Handler handler) {
        hits.computeIfAbsent(path, p -> new AtomicInteger());
        routes.put(path, handler);
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.shutdownNow();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            Request request = read(in);
            if (request == null) {
                return;
            }
            String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
            Handler handler = routes.get(path);
            Response response = handler == null
                    ? new Response(404, "")
                    : handler.handle(request, hits.get(path).incrementAndGet());
            write(connection.getOutputStream(), request.method(), response);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (SocketException closedByClientOrServer) {
            // the client gave up (a timeout) or the server is stopping
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            connections.remove(connection);
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers are ignored
            }
            body = chunks.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Request(parts[0], parts[1], Map.copyOf(headers), body);
    }

    private static int chunkSize(String line) {
        String size = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
        return Integer.parseInt(size.strip(), 16);
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String method, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + response.status() + " " + reason(response.status()) + "\r\n");
        if (response.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            head.append("Content-Type: text/plain;charset=UTF-8\r\n");
        }
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n").append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!"HEAD".equals(method)) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
