package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The setting names are checked once per Environment, however often the settings are read (each
 * {@code @ConditionalOnLocalModule} reads them at start-up), and a wrong name is still refused on every read.
 */
class SettingNamesOncePerEnvironmentTest {

    private static final String MISTYPED = "extraction.warm-up.round";

    /** Properties that count how often the mistyped name's value is looked up: once per check of the names. */
    static final class CountingSource extends EnumerablePropertySource<Map<String, Object>> {

        int lookups;

        CountingSource(Map<String, Object> properties) {
            super("counting", new LinkedHashMap<>(properties));
        }

        @Override
        public String[] getPropertyNames() {
            return getSource().keySet().toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            if (name.equals(MISTYPED)) {
                lookups++;
            }
            return getSource().get(name);
        }
    }

    private static StandardEnvironment environment(CountingSource source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        return environment;
    }

    @Test
    void aWrongNameIsCheckedOnceAndRefusedOnEveryRead() {
        CountingSource source = new CountingSource(Map.of(MISTYPED, "3"));
        StandardEnvironment environment = environment(source);
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith(MISTYPED + " is not a setting of the extraction run time (did you mean"
                        + " extraction.warm-up.rounds?)");
        int once = source.lookups;
        assertThat(once).isPositive();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                    .hasMessageStartingWith(MISTYPED + " is not a setting");
        }
        assertThat(source.lookups).isEqualTo(once);
    }

    @Test
    void anotherEnvironmentIsCheckedOnItsOwn() {
        CountingSource wrong = new CountingSource(Map.of(MISTYPED, "3"));
        assertThatThrownBy(() -> TopologySettings.from(environment(wrong))).isInstanceOf(InvalidTopologyException.class);
        // Another Environment with the same sources' names but its own source: checked, and refused, for itself.
        CountingSource again = new CountingSource(Map.of(MISTYPED, "3"));
        assertThatThrownBy(() -> TopologySettings.from(environment(again))).isInstanceOf(InvalidTopologyException.class);
        assertThat(again.lookups).isPositive();
        // A right setting in a third one is no mistake: no answer of another Environment is reused.
        assertThat(TopologySettings.from(environment(new CountingSource(Map.of("extraction.warm-up.rounds", "3"))))
                .localModules()).isEmpty();
    }

    @Test
    void aPropertySourceAddedOrANameAddedLaterIsChecked() {
        StandardEnvironment environment = environment(new CountingSource(Map.of("extraction.warm-up.rounds", "3")));
        assertThat(TopologySettings.from(environment).localModules()).isEmpty();
        environment.getPropertySources().addFirst(new MapPropertySource("late", Map.of("extraction.topology.local-module", "a")));
        assertThatThrownBy(() -> TopologySettings.from(environment))
                .hasMessageStartingWith("extraction.topology.local-module is not a setting");
        environment.getPropertySources().remove("late");
        assertThat(TopologySettings.from(environment).localModules()).isEmpty();
        CountingSource growing = new CountingSource(Map.of());
        StandardEnvironment same = environment(growing);
        assertThat(TopologySettings.from(same).localModules()).isEmpty();
        growing.getSource().put(MISTYPED, "3");
        assertThatThrownBy(() -> TopologySettings.from(same)).hasMessageStartingWith(MISTYPED + " is not a setting");
    }
}
