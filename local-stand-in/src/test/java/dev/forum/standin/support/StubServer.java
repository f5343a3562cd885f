package dev.forum.standin.support;

import dev.forum.standin.haproxy.Endpoint;
import dev.forum.standin.haproxy.HaproxySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for one instance of a service on a loopback port, speaking HTTP/1.1 over a plain socket: it answers its
 * readiness path 200, and every other request 200 with {@code <service> <server> <target>}, the request target exactly
 * as it arrived, which it also records (and the whole request head, {@link #receivedHeads}). Two targets misbehave on
 * purpose: one ending in {@value #GARBAGE} is answered with bytes that are not HTTP, one ending in {@value #SLOW} only
 * after {@value #SLOW_MILLIS} ms. Closed by {@link #close}.
 */
public final class StubServer implements AutoCloseable {

    public static final String GARBAGE = "/garbage-answer";
    public static final String SLOW = "/slow-answer";
    public static final int SLOW_MILLIS = 5000;

    private final Endpoint endpoint;
    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> receivedHeads = new CopyOnWriteArrayList<>();

    private StubServer(Endpoint endpoint, ServerSocket socket) {
        this.endpoint = endpoint;
        this.socket = socket;
    }

    /** Starts answering on {@code endpoint}'s port. */
    public static StubServer start(Endpoint endpoint) throws IOException {
        StubServer stub = new StubServer(endpoint, new ServerSocket(endpoint.port(), 50, InetAddress.getLoopbackAddress()));
        stub.threads.submit(stub::accept);
        return stub;
    }

    /** The targets of every request but the health checks, in order of arrival. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /**
     * The heads of every request but the health checks, in order of arrival: the request line and header lines as
     * they arrived (ISO-8859-1), separated by CRLF, without the blank line that ends them.
     */
    public List<String> receivedHeads() {
        return List.copyOf(receivedHeads);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.submit(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String target = requestLine.length > 1 ? requestLine[1] : "";
            skipBody(head, in);
            if (target.equals(HaproxySettings.READINESS)) {
                write(out, "ready");
                return;
            }
            received.add(target);
            receivedHeads.add(head.substring(0, head.length() - 4));
            if (target.endsWith(GARBAGE)) {
                out.write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (target.endsWith(SLOW)) {
                Thread.sleep(SLOW_MILLIS);
                write(out, endpoint.service() + " " + endpoint.name() + " " + target);
            } else {
                write(out, endpoint.service() + " " + endpoint.name() + " " + target);
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away: nothing to answer
        }
    }

    private static void write(OutputStream out, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void skipBody(String head, InputStream in) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        threads.shutdownNow();
    }
}
