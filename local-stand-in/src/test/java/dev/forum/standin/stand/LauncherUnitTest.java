package dev.forum.standin.stand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.standin.support.Checkout;
import dev.forum.topology.Topology;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The modules a process is started with, put in the topology's order; a name that is no module refused in one line.
 * A process believes the {@code X-Forwarded-For} of the stand-in's HAProxy on loopback, and of nothing else.
 */
class LauncherUnitTest {

    private final Topology topology = Checkout.topology("posts-extracted.yml");

    @Test
    void modulesComeInTheTopologysOrder() {
        assertEquals(List.of("posts", "threads", "users"),
                List.copyOf(Launcher.inTopologyOrder(topology, Set.of("users", "posts", "threads"))));
        assertEquals(List.of("posts"), List.copyOf(Launcher.inTopologyOrder(topology, Set.of("posts"))));
    }

    @Test
    void anUnknownModuleCloseToOneIsRefusedWithThatOneAsTheHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launcher.inTopologyOrder(topology, Set.of("users", "postz")));
        assertEquals("unknown module 'postz' (did you mean posts?); the modules are posts, threads, users", e.getMessage());
    }

    @Test
    void anUnknownModuleFarFromEveryOneIsRefusedWithoutAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launcher.inTopologyOrder(topology, Set.of("comments")));
        assertEquals("unknown module 'comments'; the modules are posts, threads, users", e.getMessage());
    }

    @Test
    void everyUnknownModuleIsNamedByNameInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launcher.inTopologyOrder(topology, Set.of("threads", "thread", "comments", "")));
        assertEquals("unknown modules '', 'comments', 'thread' (did you mean threads?); the modules are posts, threads, users",
                e.getMessage());
    }

    @Test
    void aProcessTrustsTheLoopbackLoadBalancerOnly() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        Launcher.trustTheLoadBalancer(env);
        String proxies = env.get("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES");
        assertEquals("127\\.0\\.0\\.1", proxies);
        // Tomcat reads a value without '/' as a regular expression of the peer's address.
        assertEquals(true, "127.0.0.1".matches(proxies));
        assertEquals(false, "127.0.0.10".matches(proxies) || "127x0x0x1".matches(proxies) || "10.0.0.1".matches(proxies));
    }
}
