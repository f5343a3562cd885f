package dev.forum.extraction.runtime.topology;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The run time's own setting names ({@code extraction.topology.*}, {@code extraction.warm-up.*},
 * {@code extraction.inprocess.*}) in an Environment that the run time does not read, each refused by
 * {@link SettingNameRefusal} in one line.
 *
 * <p>The names are checked once per {@link Environment} while its property sources stay the same ones with the same
 * names: every {@code @ConditionalOnLocalModule} reads the settings again at start-up, and each gets the answer of the
 * first check, a refusal included. An Environment is held weakly, and never shared with another one.
 */
final class SettingNames {

    /** Each Environment's last check, with the property sources it checked. */
    private static final Map<Environment, Checked> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private SettingNames() {
    }

    /**
     * A refusal of a name.
     *
     * @param group the group of settings the name is in, or most likely meant: {@code extraction.warm-up}
     * @param line  the refusal, one line
     */
    record Unknown(String group, String line) {
    }

    /**
     * @param environment the application's settings (properties, command-line arguments, environment variables)
     * @return one refusal per unknown name of the run time's groups, as the user wrote it, with the name it most likely
     *         meant when one is close, and the names its group has; empty when every name is known. The answer of an
     *         earlier call for the same Environment when its property sources and their names are unchanged.
     */
    static List<Unknown> unknown(ConfigurableEnvironment environment) {
        List<SourceNames> sources = environment.getPropertySources().stream().map(SourceNames::of).toList();
        Checked last = CHECKED.get(environment);
        if (last != null && SourceNames.same(last.sources(), sources)) {
            return last.unknown();
        }
        Map<String, Unknown> found = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
                iterable.stream().forEach(name -> SettingNameRefusal.refusal(name, variables,
                        () -> iterable.getConfigurationProperty(name))
                        .ifPresent(unknown -> found.putIfAbsent(unknown.line(), unknown)));
            }
        }
        List<Unknown> unknown = List.copyOf(found.values());
        CHECKED.put(environment, new Checked(sources, unknown));
        return unknown;
    }

    /** A check's answer and the property sources it read. */
    private record Checked(List<SourceNames> sources, List<Unknown> unknown) {
    }

    /**
     * A property source, held weakly (a source may refer to its Environment, the cache's key), and its names when it
     * can list them.
     */
    private record SourceNames(WeakReference<PropertySource<?>> source, String[] names) {

        static SourceNames of(PropertySource<?> source) {
            return new SourceNames(new WeakReference<>(source),
                    source instanceof EnumerablePropertySource<?> enumerable ? enumerable.getPropertyNames() : null);
        }

        static boolean same(List<SourceNames> checked, List<SourceNames> now) {
            if (checked.size() != now.size()) {
                return false;
            }
            for (int i = 0; i < now.size(); i++) {
                if (checked.get(i).source().get() != now.get(i).source().get()
                        || !Arrays.equals(checked.get(i).names(), now.get(i).names())) {
                    return false;
                }
            }
            return true;
        }
    }
}
