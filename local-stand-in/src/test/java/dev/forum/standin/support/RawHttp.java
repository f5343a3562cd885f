package dev.forum.standin.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as bytes on a socket: the request goes out exactly as written (an HTTP client would normalise or refuse
 * some of the paths these tests send), the answer is read until the server closes the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param status  the status code of the answer's status line (0 when there was no answer at all)
     * @param headers the header fields, names in lower case (the last of a repeated field)
     * @param body    the body as UTF-8 text
     */
    public record Response(int status, String statusLine, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** {@code METHOD target HTTP/1.1} with {@code Host} and {@code Connection: close} to {@code 127.0.0.1:port}. */
    public static Response request(int port, String method, String target) {
        return send(port, (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code bytes} as they are to {@code 127.0.0.1:port} and reads the answer until the connection closes (10 s at most). */
    public static Response send(int port, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            // a close after the answer: what was read is the answer
        }
        return out.toByteArray();
    }

    static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response(0, "", Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String[] status = lines[0].split(" ", 3);
        return new Response(Integer.parseInt(status[1]), lines[0], headers, text.substring(end + 4));
    }
}
