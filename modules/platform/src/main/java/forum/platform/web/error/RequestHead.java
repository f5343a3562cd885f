package forum.platform.web.error;

import forum.platform.EchoedInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.coyote.Request;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * A request's head as Tomcat received it, and how far Tomcat read it: the one way the error layer reads the head's
 * bytes. Tomcat parses an HTTP/1.1 head in place, in its input buffer, which starts with the request (blank lines
 * before the request line aside; a pipelined request is moved to the start first), and leaves the buffer's position
 * where it stopped: after the head's empty line when it read the whole head, else in or just after the line it
 * refused. The bytes are read as ISO-8859-1, one character a byte.
 */
final class RequestHead {

    /**
     * One line of the head.
     *
     * @param text  its bytes, without the CR LF (or LF) that ends it
     * @param start where it starts in the buffer
     * @param next  where the next line starts (after its LF), or the end of what was received if no LF ends it
     * @param ended whether an LF ends it
     */
    record Line(String text, int start, int next, boolean ended) {
    }

    private final byte[] bytes;
    private final int parsed;
    private final int limit;
    private final List<Line> lines = new ArrayList<>();
    private boolean complete;

    /**
     * @param bytes  a buffer whose first bytes are a request (blank lines may come first)
     * @param parsed how far the parser read (its position)
     * @param limit  the end of the bytes received
     */
    RequestHead(byte[] bytes, int parsed, int limit) {
        this.bytes = bytes;
        this.parsed = parsed;
        this.limit = Math.min(limit, bytes.length);
        int at = 0;
        while (at < this.limit && (bytes[at] == '\r' || bytes[at] == '\n')) {
            at++;
        }
        while (at < this.limit) {
            int lf = at;
            while (lf < this.limit && bytes[lf] != '\n') {
                lf++;
            }
            boolean ended = lf < this.limit;
            int end = ended && lf > at && bytes[lf - 1] == '\r' ? lf - 1 : lf;
            if (ended && end == at && !lines.isEmpty()) {
                complete = lf + 1 <= parsed; // the empty line: the head ends here, the body follows
                return;
            }
            lines.add(new Line(new String(bytes, at, end - at, StandardCharsets.ISO_8859_1), at, ended ? lf + 1 : lf, ended));
            at = lf + 1;
        }
    }

    /**
     * The head of {@code request} as Tomcat's HTTP/1.1 input buffer holds it.
     *
     * @param request the request as Tomcat parsed it
     * @return the head; empty if the request was not read into such a buffer (another protocol)
     */
    static Optional<RequestHead> of(Request request) {
        if (request.getInputBuffer() instanceof ApplicationBufferHandler handler) {
            ByteBuffer buffer = handler.getByteBuffer();
            if (buffer != null && buffer.hasArray() && buffer.arrayOffset() == 0) {
                return Optional.of(new RequestHead(buffer.array(), buffer.position(), buffer.limit()));
            }
        }
        return Optional.empty();
    }

    /** Whether Tomcat read the whole head, up to its empty line: false when it stopped at a fault in it. */
    boolean complete() {
        return complete;
    }

    /** The request line: empty if nothing but blank lines was received. */
    Optional<Line> requestLine() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.getFirst());
    }

    /** The header field lines received, in order (up to the empty line, or as far as the bytes go). */
    List<Line> fieldLines() {
        return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
    }

    /** The line Tomcat stopped in: the one holding the last byte it read; empty if it read none. */
    Optional<Line> stoppedIn() {
        return lines.stream().filter(line -> line.start() < parsed && parsed <= line.next()).findFirst();
    }

    /** How many bytes were received: the head and whatever of the body came with it. */
    int received() {
        return limit;
    }

    /** How far Tomcat read. */
    int parsed() {
        return parsed;
    }

    /**
     * @param name a field name in lower case
     * @return whether a header field line of the head has this name, in any case (whatever Tomcat kept of it)
     */
    boolean hasField(String name) {
        String prefix = name + ":";
        return fieldLines().stream().anyMatch(line -> line.text().toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    /**
     * The request's target as sent: the request line's second part; empty if the line has none or was not received
     * to its end.
     */
    Optional<String> target() {
        return requestLine().filter(Line::ended).flatMap(line -> {
            String[] parts = line.text().split("[ \t]+", 3);
            return parts.length >= 2 ? Optional.of(parts[1]) : Optional.empty();
        });
    }

    /**
     * Text for a detail: printable ASCII as it is, any other byte as {@code 0xNN}, cut to {@code max} characters. The
     * rule of every quote of the client's input ({@link EchoedInput#shows}), for bytes not decoded: a control character
     * does not show, and a byte outside ASCII is not a character yet, so each is written as the byte.
     *
     * @param text the bytes, one character each
     * @param max  the most characters to show before {@code ...}
     */
    static String printable(String text, int max) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (shown.length() >= max) {
                return shown + "...";
            }
            char c = text.charAt(i);
            shown.append(c < 0x80 && EchoedInput.shows(c) ? String.valueOf(c) : String.format("0x%02X", (int) c));
        }
        return shown.toString();
    }
}
