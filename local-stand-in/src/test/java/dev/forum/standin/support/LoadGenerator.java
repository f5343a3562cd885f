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
 * tutorial route and a write that creates a post, as a sample user with the token of their own login: each worker
 * logs in as one of them ({@code POST /api/users/login}, itself a request of the load) and again every
 * {@link #RELOGIN_EVERY}, so tokens signed by every key of a rotation are in use. Every request is recorded: its
 * route, when it started, how long it took, its status or the error; a write's {@code Location} is kept to read it
 * back later.
 */
public final class LoadGenerator implements AutoCloseable {

    /** One request of the mix. */
    public record Op(String route, String method, String path) {
        /** A write that creates something (a post), read back at the end. */
        boolean write() {
            return method.equals("POST") && !path.endsWith("/login");
        }

        boolean login() {
            return path.endsWith("/login");
        }
    }

    /** The sample users of the seed and their passwords (README, "Writing"). */
    static final List<String[]> SAMPLE_USERS = List.of(new String[] {"marceline", "vampire-queen-1000"},
            new String[] {"finn", "adventure-time-hero"}, new String[] {"pb", "candy-kingdom-science"},
            new String[] {"jake", "magic-dog-father"});
    static final Op LOGIN = new Op("users", "POST", "/api/users/login");
    /** How often a worker logs in again. */
    public static final Duration RELOGIN_EVERY = Duration.ofSeconds(10);

    /** What one request got. */
    public record Result(Op op, long startNanos, long latencyNanos, int status, String error, String location) {
        public boolean ok() {
            return error == null && (op.write() ? status == 201 && location != null : status == 200);
        }

        /** A login's token, or null. */
        String token() {
            return op.login() && ok() ? location : null;
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
        String[] user = SAMPLE_USERS.get(worker % SAMPLE_USERS.size());
        String token = null;
        long loggedIn = 0;
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
            if (token == null || System.nanoTime() - loggedIn > RELOGIN_EVERY.toNanos()) {
                Result login = send(LOGIN, "{\"username\":\"" + user[0] + "\",\"password\":\"" + user[1] + "\"}", null);
                results.add(login);
                if (login.token() != null) {
                    token = login.token();
                    loggedIn = System.nanoTime();
                }
                continue;
            }
            Op op = TUTORIAL_MIX.get(i++ % TUTORIAL_MIX.size());
            String body = op.write() ? "{\"thread\":1,\"text\":\"load " + tag + " #" + writes.incrementAndGet() + "\"}" : null;
            results.add(send(op, body, token));
        }
    }

    /** One request; a write or login sends {@code body}, a write with {@code token}. A login's token is its "location". */
    private Result send(Op op, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + op.path())).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String location = op.login() ? accessToken(response.body()) : response.headers().firstValue("Location").orElse(null);
            return new Result(op, start, System.nanoTime() - start, response.statusCode(), null, location);
        } catch (HttpTimeoutException e) {
            return new Result(op, start, System.nanoTime() - start, -1, "timeout", null);
        } catch (IOException e) {
            return new Result(op, start, System.nanoTime() - start, -1, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(op, start, System.nanoTime() - start, -1, "interrupted", null);
        }
    }

    private static String accessToken(String loginAnswer) {
        var matcher = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(loginAnswer);
        return matcher.find() ? matcher.group(1) : null;
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

    /** The key ids ({@code kid}) of the tokens that logins matching {@code filter} were answered with. */
    public java.util.Set<String> tokenKeyIds(Predicate<Result> filter) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Result result : results(filter)) {
            String token = result.token();
            if (token != null) {
                String header = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                        java.nio.charset.StandardCharsets.UTF_8);
                var kid = java.util.regex.Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"").matcher(header);
                if (kid.find()) {
                    ids.add(kid.group(1));
                }
            }
        }
        return ids;
    }

    /**
     * Every acknowledged write read back through the load balancer ({@link ReadBack}: {@code GET} its location, 5 s
     * each, a few at a time); the ones not there as written, each with what the read got, in the order the writes
     * were acknowledged.
     *
     * @throws IOException when a read gets no answer at all
     */
    public List<String> unreadableWrites() throws IOException, InterruptedException {
        return ReadBack.unreadable(client, URI.create(baseUrl), requestTimeout, acknowledgedWrites(), "load " + tag + " #");
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
