package forum.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OCI registry of our own on 127.0.0.1 (Debian's {@code docker-registry}): a free port, storage in a
 * folder of the test, no auth, plain HTTP. Started by {@link #start}, ready when {@code GET /v2/} answers
 * 200, stopped by its pid in {@link #close}. Its HTTP API is read here too (manifests and blobs).
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String PROGRAM = "docker-registry";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final String MANIFEST_TYPES = "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.docker.distribution.manifest.v2+json";

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LocalRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A manifest and the digest the registry gives it. */
    public record Manifest(String digest, JsonNode json) {
    }

    /** Starts a registry whose storage and log are in {@code directory}; tries another port if one was taken meanwhile. */
    public static LocalRegistry start(Path directory) throws IOException, InterruptedException {
        Path program = SystemTools.find(PROGRAM).orElseThrow();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startOnce(program, directory, READY_WITHIN);
            } catch (IllegalStateException notReady) {
                last = notReady;
            }
        }
        throw last;
    }

    /**
     * Starts {@code program} ({@code docker-registry}) once on a free port, storage and log in {@code directory}, and
     * waits until it answers {@code GET /v2/} 200.
     *
     * @throws IllegalStateException naming why, with the end of its log, when it exits or does not answer within
     *                               {@code readyWithin} (it is stopped then)
     */
    public static LocalRegistry startOnce(Path program, Path directory, Duration readyWithin) throws IOException, InterruptedException {
        int port = freePort();
        Path storage = Files.createDirectories(directory.resolve("storage"));
        Path config = directory.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: forum-system-tests
                """.formatted(storage, port));
        Path log = directory.resolve("registry.log");
        Process process = new ProcessBuilder(program.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalRegistry registry = new LocalRegistry(process, port, log);
        // Also stopped if the test JVM is ended early (a failsafe timeout, Ctrl-C); stopping twice is harmless.
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "stop-local-registry-" + process.pid()));
        try {
            registry.awaitReady(readyWithin);
            return registry;
        } catch (IllegalStateException notReady) {
            registry.close();
            throw notReady;
        }
    }

    /** {@code 127.0.0.1:<port>}: the registry part of an image reference. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** The manifest of {@code repository:reference} (a tag or a digest), as the registry serves it. */
    public Manifest manifest(String repository, String reference) {
        HttpResponse<byte[]> response = get("/v2/" + repository + "/manifests/" + reference, MANIFEST_TYPES);
        String digest = response.headers().firstValue("Docker-Content-Digest")
                .orElseThrow(() -> new IllegalStateException("no Docker-Content-Digest for " + repository + ":" + reference));
        return new Manifest(digest, JSON.readTree(response.body()));
    }

    /** A blob (a layer or an image config) of {@code repository}. */
    public byte[] blob(String repository, String digest) {
        return get("/v2/" + repository + "/blobs/" + digest, "*/*").body();
    }

    public JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    private HttpResponse<byte[]> get(String path, String accept) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host() + path)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(PROGRAM + " exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(PROGRAM + " did not answer GET /v2/ within " + within.toSeconds() + " s: " + logTail());
    }

    private String logTail() {
        try {
            return Command.tail(Files.readString(log));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the registry by its pid. Through the handle of the process started here, which the JDK ties to
     * its start time: once it has exited, a new process that reuses the pid is never signalled.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            Command.stop(process.toHandle());
        }
    }

    /** A port nobody listens on now, on 127.0.0.1. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
