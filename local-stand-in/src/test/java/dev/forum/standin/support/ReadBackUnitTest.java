package dev.forum.standin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadBackUnitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void reports_every_write_not_read_back_as_written_in_the_order_given_reading_a_few_at_a_time() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/posts/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5); // long enough for reads to overlap
                int id = Integer.parseInt(exchange.getRequestURI().getPath().substring("/api/posts/".length()));
                int status = id % 37 == 0 ? 404 : 200;
                byte[] body = (id == 50 ? "{\"text\":\"someone else's\"}" : "{\"text\":\"load t1 #" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            List<String> locations = IntStream.rangeClosed(1, 200).map(i -> 201 - i).mapToObj(i -> "/api/posts/" + i).toList();

            List<String> unreadable = ReadBack.unreadable(client, base, TIMEOUT, locations, "load t1 #");

            assertEquals(List.of("/api/posts/185", "/api/posts/148", "/api/posts/111", "/api/posts/74", "/api/posts/50",
                    "/api/posts/37"), unreadable.stream().map(line -> line.substring(0, line.indexOf(" -> "))).toList());
            assertTrue(unreadable.get(0).startsWith("/api/posts/185 -> 404"), unreadable.get(0));
            assertEquals("/api/posts/50 -> 200 {\"text\":\"someone else's\"}", unreadable.get(4));
            assertTrue(mostInFlight.get() > 1 && mostInFlight.get() <= ReadBack.CONCURRENCY,
                    "reads in flight at once: " + mostInFlight.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_read_without_an_answer_is_thrown_not_counted_as_missing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        int port = server.getAddress().getPort();
        server.stop(0); // nothing listens there now: every connection is refused
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThrows(IOException.class, () -> ReadBack.unreadable(client, URI.create("http://127.0.0.1:" + port), TIMEOUT,
                    List.of("/api/posts/1", "/api/posts/2"), "load t1 #"));
        }
    }
}
