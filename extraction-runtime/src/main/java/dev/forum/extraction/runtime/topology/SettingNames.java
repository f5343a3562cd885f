package dev.forum.extraction.runtime.topology;

import dev.forum.closestname.ClosestName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The run time's own setting names, {@code extraction.topology.*} and {@code extraction.warm-up.*}, checked as given.
 * Spring Boot ignores a setting nothing binds, so a mistyped {@code extraction.topology.local-module=catalog} would start
 * every module of the jar where one service was meant (on ECS, a second writer to every module's tables). A name under
 * either group that the run time does not read, or under a group name one or two letters off
 * ({@code extraction.toplogy.*}, {@link ClosestName}), is refused; any other name under {@code extraction.} is left to
 * the application, which may have settings of its own there.
 *
 * <p>Names are compared as Spring Boot binds them (relaxed: {@code local-modules}, {@code localModules},
 * {@code EXTRACTION_TOPOLOGY_LOCAL_MODULES} are one name), by their elements in uniform form joined together, since an
 * environment variable's underscores split where a property's dashes do not.
 */
final class SettingNames {

    /** Every name the run time reads, as properties; those ending in {@code .} take a key or an index after them. */
    static final List<String> KNOWN = List.of(
            "extraction.topology.local-modules", "extraction.topology.remote-base-url",
            "extraction.topology.remote-urls.", "extraction.topology.connect-timeout", "extraction.topology.read-timeout",
            "extraction.warm-up.rounds", "extraction.warm-up.suffixes", "extraction.warm-up.paths");

    /** The list-valued names, which may also be given by index ({@code paths[0]}, {@code EXTRACTION_WARMUP_PATHS_0}). */
    private static final Set<String> LISTS = Set.of("extraction.topology.local-modules", "extraction.warm-up.suffixes",
            "extraction.warm-up.paths");

    private static final List<String> GROUPS = List.of("topology", "warm-up");

    private SettingNames() {
    }

    /**
     * @param environment the application's settings (properties, command-line arguments, environment variables)
     * @return one line per unknown name under the run time's groups, as the user wrote it, with the name it most likely
     *         meant when one is close, and the names the group has; empty when every name is known
     */
    static List<String> unknown(Environment environment) {
        Set<String> lines = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
                iterable.stream().forEach(name -> refusal(name, variables, iterable.getConfigurationProperty(name))
                        .ifPresent(lines::add));
            }
        }
        return new ArrayList<>(lines);
    }

    /** The refusal of {@code name}, or empty when it is known or not the run time's. */
    static Optional<String> refusal(ConfigurationPropertyName name, boolean variable, ConfigurationProperty property) {
        if (name.getNumberOfElements() < 2 || !name.getElement(0, Form.UNIFORM).equals("extraction")) {
            return Optional.empty();
        }
        String joined = joined(name);
        String group = GROUPS.stream().filter(g -> joined.startsWith(uniform("extraction." + g))).findFirst()
                .orElse(null);
        String typedGroup = name.getElement(1, Form.UNIFORM);
        if (group == null) {
            // Not the run time's unless its group is a near miss of one (two letters at most, as everywhere).
            group = ClosestName.of(typedGroup, GROUPS.stream().map(SettingNames::uniform).toList())
                    .flatMap(g -> GROUPS.stream().filter(x -> uniform(x).equals(g)).findFirst()).orElse(null);
            if (group == null) {
                return Optional.empty();
            }
        } else if (known(joined)) {
            return Optional.empty();
        }
        String meant = meant(joined, typedGroup, group);
        String written = written(name, property);
        String prefix = "extraction." + group + ".";
        List<String> names = KNOWN.stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()) + (k.endsWith(".") ? "<key>" : "")).toList();
        return Optional.of((variable ? "the environment variable " + written : written)
                + " is not a setting of the extraction run time"
                + (meant == null ? "" : " (did you mean " + (variable ? variable(meant) : meant) + "?)")
                + ": the " + prefix + "* settings are " + String.join(", ", names));
    }

    /** The known name {@code joined} most likely meant, its group's typo corrected first; null when none is close. */
    private static String meant(String joined, String typedGroup, String group) {
        String corrected = joined.startsWith("extraction" + typedGroup)
                ? "extraction" + uniform(group) + joined.substring(("extraction" + typedGroup).length()) : joined;
        for (String known : KNOWN) {
            if (!known.endsWith(".") && uniform(known).equals(corrected)
                    || known.endsWith(".") && corrected.startsWith(uniform(known)) && corrected.length() > uniform(known).length()) {
                return known.endsWith(".") ? known + corrected.substring(uniform(known).length()) : known;
            }
        }
        return ClosestName.of(corrected, KNOWN.stream().filter(k -> !k.endsWith(".")).map(SettingNames::uniform).toList())
                .flatMap(u -> KNOWN.stream().filter(k -> uniform(k).equals(u)).findFirst()).orElse(null);
    }

    private static boolean known(String joined) {
        for (String known : KNOWN) {
            String u = uniform(known);
            if (known.endsWith(".") ? joined.startsWith(u) && joined.length() > u.length()
                    : joined.equals(u) || LISTS.contains(known) && joined.startsWith(u)
                            && joined.substring(u.length()).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** The name as the user wrote it: the variable, the argument or property, or the name with its file and line. */
    private static String written(ConfigurationPropertyName name, ConfigurationProperty property) {
        Object origin = property == null ? null : property.getOrigin();
        if (origin instanceof SystemEnvironmentOrigin environment) {
            return environment.getProperty();
        }
        if (origin instanceof PropertySourceOrigin source) {
            return source.getPropertyName();
        }
        return origin instanceof TextResourceOrigin file ? name + " (" + file + ")" : name.toString();
    }

    /**
     * The environment variable of a property name, as the README writes them: {@code EXTRACTION_TOPOLOGY_LOCAL_MODULES},
     * and a map's name without its dash before the key ({@code EXTRACTION_TOPOLOGY_REMOTEURLS_USERS}).
     */
    private static String variable(String property) {
        String map = KNOWN.stream().filter(k -> k.endsWith(".") && property.startsWith(k)).findFirst().orElse(null);
        String name = map == null ? property.replace('-', '_')
                : map.replace("-", "") + property.substring(map.length()).replace('-', '_');
        return name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String joined(ConfigurationPropertyName name) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            joined.append(name.getElement(i, Form.UNIFORM));
        }
        return joined.toString();
    }

    /** A property name's elements in uniform form (lower case, no dashes) joined: {@code extractiontopologylocalmodules}. */
    private static String uniform(String property) {
        String name = property.endsWith(".") ? property.substring(0, property.length() - 1) : property;
        return joined(ConfigurationPropertyName.of(name));
    }
}
