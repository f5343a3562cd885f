package forum.platform.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses the settings the forum once read under names it no longer reads, before any bean is made: the topology and
 * warm-up settings are extraction-runtime's own, {@code extraction.topology.*} and {@code extraction.warm-up.*}, since
 * they were renamed from {@code forum.topology.*} and {@code forum.warm-up.*} with no alias. An old name left in a
 * task definition would otherwise be ignored without a word: {@code FORUM_TOPOLOGY_LOCAL_MODULES=posts} would start a
 * whole monolith where a posts service was meant.
 *
 * <p>Names are matched by Spring Boot's relaxed binding ({@link ConfigurationPropertyName}), so a property, a
 * command-line argument and an environment variable ({@code FORUM_TOPOLOGY_*}) are all found. Every old name found is
 * listed in one {@link InvalidSettingException}, each as written, with the name to write instead.
 */
@Component
class RenamedSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Old prefix to new prefix, as properties. */
    static final Map<String, String> RENAMED = Map.of(
            "forum.topology", "extraction.topology",
            "forum.warm-up", "extraction.warm-up");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** @throws InvalidSettingException naming every setting of an old name, with its new one */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(ConfigurationPropertySources.get(environment));
    }

    /**
     * @param sources the application's settings, as Spring Boot binds them
     * @throws InvalidSettingException naming every setting of an old name, with its new one
     */
    static void check(Iterable<ConfigurationPropertySource> sources) {
        List<String> found = new ArrayList<>();
        for (ConfigurationPropertySource source : sources) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
                iterable.stream().forEach(name -> RENAMED.forEach((old, now) -> {
                    if (ConfigurationPropertyName.of(old).isAncestorOf(name)) {
                        found.add(renaming(iterable.getConfigurationProperty(name), name, old, now, variables));
                    }
                }));
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidSettingException(String.join("; ", found.stream().distinct().toList())
                    + " (the old names are no longer read)", null);
        }
    }

    /**
     * {@code <as written> is now <new name>}; an environment variable is answered with the variable to set, a line
     * of a file with where it is.
     */
    private static String renaming(ConfigurationProperty property, ConfigurationPropertyName name, String old,
            String now, boolean variable) {
        ConfigurationPropertyName renamed = ConfigurationPropertyName.of(now)
                .append(name.subName(ConfigurationPropertyName.of(old).getNumberOfElements()));
        Object origin = property == null ? null : property.getOrigin();
        String written = switch (origin) {
            case SystemEnvironmentOrigin environment -> environment.getProperty();
            case PropertySourceOrigin source -> source.getPropertyName();
            case TextResourceOrigin file -> name + " (" + file + ")";
            case null, default -> name.toString();
        };
        if (variable) {
            return "the environment variable " + written + " is now "
                    + renamed.toString().replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
        }
        return written + " is now " + renamed;
    }
}
