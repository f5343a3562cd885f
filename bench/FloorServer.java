import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The JVM's floor for the side-by-side benchmark (bench/side-by-side.sh): the JDK's own HTTP server on virtual
 * threads, answering each route with fixed bytes captured from the forum. No framework, no database, no logging:
 * what a request costs a JDK 25 process that only parses HTTP/1.1 and writes a response.
 *
 * <p>Run with the JDK 25 source launcher: {@code java bench/FloorServer.java PORT ROUTES_FILE}. PORT is the TCP
 * port on 127.0.0.1 (0 is refused: the caller picks a free one). ROUTES_FILE has one route a line, three fields
 * separated by a tab: the path (exact match, e.g. {@code /api/users/1}), the Content-Type header value, and the
 * file holding the body bytes. Known path with GET: 200 and those bytes; any other path: 404, empty body; any
 * other method: 405, empty body. Prints one line, {@code ready on PORT}, when it accepts connections. Exits with
 * status 2 and one line on standard error when its arguments or a file cannot be read.
 */
public final class FloorServer {

    /** One route's answer: its Content-Type header value and body bytes, as captured from the forum. */
    record Answer(String contentType, byte[] body) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].matches("[1-9][0-9]{0,4}")) {
            System.err.println("usage: java bench/FloorServer.java PORT ROUTES_FILE (PORT 1-65535 on 127.0.0.1)");
            System.exit(2);
        }
        Map<String, Answer> answers = readRoutes(args[1]);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                Answer answer = answers.get(exchange.getRequestURI().getRawPath());
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                    exchange.sendResponseHeaders(200, answer.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                }
            }
        });
        server.start();
        System.out.println("ready on " + args[0]);
    }

    /**
     * Reads a routes file (also {@code SpringMvcFloor}'s): one route a line, the path, the Content-Type and the body's
     * file, separated by tabs; blank lines are skipped.
     *
     * @param file the routes file's path
     * @return each path's answer
     * @throws IOException when the file or a body's file cannot be read; a line without three fields ends the process
     *         with status 2 and one line on standard error
     */
    static Map<String, Answer> readRoutes(String file) throws IOException {
        Map<String, Answer> answers = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                System.err.println("bad line in " + file + " (want PATH<TAB>CONTENT_TYPE<TAB>BODY_FILE): " + line);
                System.exit(2);
            }
            answers.put(f[0], new Answer(f[1], Files.readAllBytes(Path.of(f[2]))));
        }
        return answers;
    }
}
