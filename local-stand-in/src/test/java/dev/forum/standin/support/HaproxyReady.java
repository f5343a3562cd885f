package dev.forum.standin.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.standin.haproxy.RuntimeApi;
import dev.forum.standin.haproxy.ServerStatus;
import java.time.Duration;

/** Waiting, in a system test, until HAProxy's health checks have found every server of every service UP. */
public final class HaproxyReady {

    private HaproxyReady() {
    }

    /**
     * Returns once every server of every {@code svc_} backend is checked UP.
     *
     * @param api     the runtime API of the HAProxy under test
     * @param timeout how long to wait
     * @throws org.opentest4j.AssertionFailedError naming the servers' states if the timeout passes first
     */
    public static void awaitEveryServiceServerUp(RuntimeApi api, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!api.servers().stream().filter(s -> s.backend().startsWith("svc_")).allMatch(ServerStatus::ready)) {
            assertTrue(System.nanoTime() < deadline, "every server is checked UP within " + timeout + ": " + api.servers());
            Thread.sleep(100);
        }
    }
}
