package dev.forum.standin.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A bounded, paced load: {@code workers} virtual threads, each sending one request of a fixed mix after another at a
 * constant rate, through the load balancer, until {@link #stop()} or the time limit. The mix is a read of every
 * tutorial route and a write that creates a post. Every request is recorded: its route, when it started, how long it
 * took, its status or the error; a write's {@code Location} is kept to read it back later.
 */
public final class LoadGenerator implements AutoCloseable {

    /** One request of the mix. */
    public record Op(String route, String method, String path) {
        boolean write() {
            return method.equals("POST");
        }
    }

    /** What one request got. */
    public record Result(Op op, long startNanos, long latencyNanos, int status, String error, String location) {
        public boolean ok() {
            return error == null && (op.write() ? status == 201 && location != null : status == 200);
        }

        @Override
        public String toString() {
            return op.method() + " " + op.path() + " -> " + (error != null ? error : Integer.toString(status))
                    + String.format(Locale.ROOT, " in %.1f ms", latencyNanos / 1e6);
        }
    }

    /** The tutorial's read routes and the write, one cycle of the mix. */
    public static final List<Op> TUTORIAL_MIX = List.of(
            new Op("users", "GET", "/api/users"),
            new Op("users", "GET", "/api/users/1"),
            new Op("threads", "GET", "/api/threads"),
            new Op("threads", "GET", "/api/threads/1"),
            new Op("posts", "GET", "/api/posts/in-thread/1"),
            new Op("posts", "POST", "/api/posts"));

    private final String baseUrl;
    private final int workers;
    private final double ratePerSecond;
    private final Duration limit;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final String tag = Long.toString(System.nanoTime(), 36);
    private ExecutorService executor;
    private long started;

    /**
     * @param ratePerSecond requests per second, all workers together
     * @param limit         the load stops by itself after this long
     */
    public LoadGenerator(String baseUrl, int workers, double ratePerSecond, Duration limit) {
        this.baseUrl = baseUrl;
        this.workers = workers;
        this.ratePerSecond = ratePerSecond;
        this.limit = limit;
        this.requestTimeout = Duration.ofSeconds(5);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already running");
        }
        started = System.nanoTime();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        long intervalNanos = (long) (workers * 1e9 / ratePerSecond);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            executor.submit(() -> work(worker, intervalNanos));
        }
    }

    private void work(int worker, long intervalNanos) {
        long deadline = started + limit.toNanos();
        long next = started + intervalNanos * worker / workers;
        int i = worker;
        while (running.get() && System.nanoTime() < deadline) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            next = Math.max(next + intervalNanos, System.nanoTime() - intervalNanos);
            Op op = TUTORIAL_MIX.get(i++ % TUTORIAL_MIX.size());
            results.add(send(op));
        }
    }

    private Result send(Op op) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + op.path())).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (op.write()) {
            long n = writes.incrementAndGet();
            String body = "{\"thread\":1,\"text\":\"load " + tag + " #" + n + "\",\"user\":1}";
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(op, start, System.nanoTime() - start, response.statusCode(), null,
                    response.headers().firstValue("Location").orElse(null));
        } catch (HttpTimeoutException e) {
            return new Result(op, start, System.nanoTime() - start, -1, "timeout", null);
        } catch (IOException e) {
            return new Result(op, start, System.nanoTime() - start, -1, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(op, start, System.nanoTime() - start, -1, "interrupted", null);
        }
    }

    /** Stops sending and waits for the requests in flight. */
    public void stop() {
        running.set(false);
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(requestTimeout.toSeconds() + 5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        client.close();
    }

    public List<Result> results() {
        return new ArrayList<>(results);
    }

    public List<Result> results(Predicate<Result> filter) {
        return results.stream().filter(filter).toList();
    }

    /** The locations of every acknowledged write. */
    public List<String> acknowledgedWrites() {
        return results.stream().filter(r -> r.op().write() && r.ok()).map(Result::location).toList();
    }

    /** The text the write with this location sent, recognizable by the run's tag. */
    public String tag() {
        return tag;
    }

    /** Count, failures, and latency percentiles of some results, one line. */
    public static String summary(String title, List<Result> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        long[] latencies = results.stream().mapToLong(Result::latencyNanos).sorted().toArray();
        Map<String, Long> byRoute = new TreeMap<>();
        results.forEach(r -> byRoute.merge(r.op().method() + " " + r.op().route(), 1L, Long::sum));
        return String.format(Locale.ROOT, "%s: %d requests, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms %s", title,
                results.size(), failed, percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100), byRoute);
    }

    public static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    public static double percentile(List<Result> results, double p) {
        return percentile(results.stream().mapToLong(Result::latencyNanos).sorted().toArray(), p);
    }

    /** The slowest results first, for messages. */
    public static List<Result> slowest(List<Result> results, int n) {
        return results.stream().sorted(Comparator.comparingLong(Result::latencyNanos).reversed()).limit(n).toList();
    }
}
