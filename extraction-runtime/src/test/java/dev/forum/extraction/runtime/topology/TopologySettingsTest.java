package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The settings as the environment gives them: a local-modules setting given but naming nothing is refused, not "all". */
class TopologySettingsTest {

    private static final String REFUSAL = "extraction.topology.local-modules (EXTRACTION_TOPOLOGY_LOCAL_MODULES) is set but"
            + " names no module: name the modules that run here, e.g. extraction.topology.local-modules=orders,stock, or"
            + " leave it unset to run every module the jar holds";

    @Test
    void unsetMeansEveryModuleTheJarHolds() {
        assertThat(TopologySettings.from(new MockEnvironment()).localModules()).isEmpty();
    }

    @Test
    void namesAreStrippedAndBlankOnesSkipped() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", " orders, ,stock ");
        assertThat(TopologySettings.from(environment).localModules()).containsExactly("orders", "stock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,"})
    void givenButNamingNoModuleIsRefused(String value) {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", value);
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void anEmptyEnvironmentVariableIsRefusedToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "")));
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(REFUSAL);
    }
}
