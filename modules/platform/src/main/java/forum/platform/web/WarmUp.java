package forum.platform.web;

import forum.platform.topology.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends a few requests to this process's own routes before it reports ready, so the first real request
 * (often a call from another module, with a sub-second read timeout) does not pay for class loading and
 * the first JIT work. Readiness flips to accepting traffic only after the ready event's listeners ran.
 */
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final Topology topology;
    private final int rounds;

    WarmUp(Topology topology, @Value("${forum.warm-up.rounds:20}") int rounds) {
        this.topology = topology;
        this.rounds = rounds;
    }

    @EventListener
    void warmUp(ApplicationReadyEvent ready) {
        if (rounds <= 0 || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        long start = System.nanoTime();
        String base = "http://127.0.0.1:" + web.getWebServer().getPort();
        List<String> paths = new ArrayList<>(List.of("/"));
        for (String module : topology.localModules()) {
            String path = topology.contract(module).path();
            paths.add(path + "?limit=1");
            paths.add(path + "/1");
            paths.add(path + "/0");
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            for (int round = 0; round < rounds; round++) {
                for (String path : paths) {
                    client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            log.info("Warmed up {} routes in {} ms", paths.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            log.warn("Warm-up stopped early: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
