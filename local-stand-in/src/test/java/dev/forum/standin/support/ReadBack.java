package dev.forum.standin.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes read back through the forum: each location fetched, its body looked for the text the write sent. */
public final class ReadBack {

    /** How many reads are in flight at once. */
    static final int CONCURRENCY = 8;

    private ReadBack() {
    }

    /**
     * @param base      the forum's URL (the load balancer's) the locations resolve against
     * @param timeout   the bound of each read
     * @param locations what the writes' {@code Location} headers said ({@code /api/posts/<id>})
     * @param text      what the body of each write's read must contain
     * @return the locations whose read did not answer 200 with {@code text}, each with the status and body it got, in
     *         the order of {@code locations}
     * @throws IOException when a read got no answer at all (a timeout, a refused connection); the reads left are not
     *                     made
     */
    public static List<String> unreadable(HttpClient client, URI base, Duration timeout, List<String> locations, String text)
            throws IOException, InterruptedException {
        String[] found = new String[locations.size()];
        AtomicInteger next = new AtomicInteger();
        // One after another, a few thousand reads took 25 s of a CI run; they are independent, and a handful at a
        // time keep the load balancer and the JVMs busy without queueing.
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> done = new ArrayList<>();
            for (int r = 0; r < CONCURRENCY; r++) {
                done.add(readers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < found.length; i = next.getAndIncrement()) {
                        found[i] = read(client, base.resolve(locations.get(i)), timeout, text);
                    }
                    return null;
                }));
            }
            for (Future<Void> reader : done) {
                try {
                    reader.get();
                } catch (ExecutionException e) {
                    next.set(found.length);
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("reading the writes back failed", e.getCause());
                }
            }
        }
        return Arrays.stream(found).filter(Objects::nonNull).toList();
    }

    /** Null when the read answers 200 with {@code text}; else the location with the status and body it got. */
    private static String read(HttpClient client, URI location, Duration timeout, String text)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(location).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(text)) {
            return location.getRawPath() + " -> " + response.statusCode() + " " + response.body();
        }
        return null;
    }
}
