package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The warm-up is on by default only where some module is remote (a service jar, or local modules set to fewer than
 * all): there a cold first call across a boundary met a 504. A plain monolith skips it unless the setting asks. In:
 * {@code extraction.warm-up.rounds} set or not, and the topology; out: the rounds of the auto-configured {@link WarmUp}.
 */
class WarmUpSettingsTest {

    private static final String APP = """
            format=1
            modules=catalog,orders
            module.catalog.packages=shop.catalog
            module.catalog.prefix=/api/catalog
            module.orders.packages=shop.orders
            module.orders.prefix=/api/orders
            """;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RemoteModuleWebAutoConfiguration.class));

    private static Topology topology(String metadata, Set<String> local) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(metadata));
        return Topology.resolve(new TopologySettings(local, URI.create("http://lb"), Map.of(),
                TopologySettings.DEFAULT_CONNECT_TIMEOUT, TopologySettings.DEFAULT_READ_TIMEOUT),
                ModuleMetadata.parse(properties, "test"));
    }

    private static int rounds(WebApplicationContextRunner runner, Topology topology) {
        int[] rounds = new int[1];
        runner.run(context -> rounds[0] = context.getBean(WarmUp.class).rounds(topology));
        return rounds[0];
    }

    @Test
    void unsetAPlainMonolithSkipsIt() throws IOException {
        assertThat(rounds(runner, topology(APP, Set.of()))).isZero();
    }

    @Test
    void unsetAProcessWithARemoteModuleWarmsUpInThreeRounds() throws IOException {
        assertThat(rounds(runner, topology(APP, Set.of("orders")))).isEqualTo(3).isEqualTo(WarmUp.DEFAULT_ROUNDS);
        assertThat(rounds(runner, topology(APP + "service=orders\n", Set.of()))).isEqualTo(3);
    }

    @Test
    void aSettingAlwaysWins() throws IOException {
        assertThat(rounds(runner.withPropertyValues("extraction.warm-up.rounds=3"), topology(APP, Set.of()))).isEqualTo(3);
        assertThat(rounds(runner.withPropertyValues("extraction.warm-up.rounds=0"), topology(APP, Set.of("orders")))).isZero();
        assertThat(rounds(runner.withPropertyValues("extraction.warm-up.rounds=1"), topology(APP, Set.of("orders")))).isEqualTo(1);
    }
}
