package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The forum's calls between modules through HTTP contracts, as the extraction plugin wrote them into the module
 * metadata from Spring Modulith's model (the same calls its ecs goal opens the internal load balancer for). The
 * plugin's ECS tests render the forum's topologies with this graph (their {@code ForumTopologies.CALLS}): if a module
 * starts calling another, both change together.
 */
class ModuleCallsUnitTest {

    @Test
    void postsCallsThreadsAndUsersThreadsCallsUsersAndUsersCallsNone() {
        ModuleMetadata metadata = ModuleMetadata.load(getClass().getClassLoader()).orElseThrow();
        Map<String, Set<String>> calls = new TreeMap<>();
        for (ModuleInfo module : metadata.modules()) {
            calls.put(module.name(), module.calls());
        }
        assertThat(calls).isEqualTo(Map.of(
                "platform", Set.of(),
                "posts", Set.of("threads", "users"),
                "threads", Set.of("users"),
                "users", Set.of()));
    }
}
