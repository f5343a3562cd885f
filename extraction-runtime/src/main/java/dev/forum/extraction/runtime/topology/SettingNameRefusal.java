package dev.forum.extraction.runtime.topology;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.runtime.topology.SettingNames.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;

/**
 * One name under {@code extraction.} checked against the run time's own settings, {@code extraction.topology.*},
 * {@code extraction.warm-up.*} and {@code extraction.inprocess.*}. Spring Boot ignores a setting nothing binds, so a mistyped
 * {@code extraction.topology.local-module=catalog} would start every module of the jar where one service was meant (on
 * ECS, a second writer to every module's tables). A name in any of these groups that the run time does not read is refused,
 * and so is a name in a group one or two letters off ({@code extraction.toplogy.local-modules}, {@link ClosestName})
 * when the rest of it is a setting of the run time. Any other name under {@code extraction.}
 * ({@code extraction.topology-cache.size}) is the application's own and left alone.
 *
 * <p>Names are compared as Spring Boot binds them (relaxed: {@code local-modules}, {@code localModules},
 * {@code EXTRACTION_TOPOLOGY_LOCAL_MODULES} are one name): the group by its element after {@code extraction} (for an
 * environment variable also the next two joined, {@code WARM_UP}), the rest by its elements in uniform form joined,
 * since a variable's underscores split where a property's dashes do not. A group or map given with no value (a YAML
 * {@code warm-up:} whose lines are commented out, a profile's {@code remote-urls: {}}) is no mistake.
 */
final class SettingNameRefusal {

    /** Each group's settings, as properties; a name ending in {@code .} is a map, its keys after it. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("topology", List.of("local-modules", "remote-base-url", "remote-urls.", "connect-timeout", "read-timeout"));
        GROUPS.put("warm-up", List.of("rounds", "suffixes", "paths"));
        GROUPS.put("inprocess", List.of("validation.enabled"));
    }

    /** The list-valued settings, which may also be given by index ({@code paths[0]}, {@code EXTRACTION_WARMUP_PATHS_0}). */
    private static final Set<String> LISTS = Set.of("local-modules", "suffixes", "paths");

    private SettingNameRefusal() {
    }

    /**
     * @param name     a name of the application's settings, as Spring Boot maps it from its property source
     * @param variable whether that source is the environment variables (the refusal then names variables)
     * @param property the setting's value and origin, looked up only for a name of the run time's groups
     * @return the refusal of {@code name}, or empty when it is known or not the run time's
     */
    static Optional<Unknown> refusal(ConfigurationPropertyName name, boolean variable, Supplier<ConfigurationProperty> property) {
        int count = name.getNumberOfElements();
        if (count < 2 || !element(name, 0).equals("extraction")) {
            return Optional.empty();
        }
        String group = null;
        int rest = 2;
        for (String candidate : GROUPS.keySet()) {
            String uniform = candidate.replace("-", "");
            if (element(name, 1).equals(uniform)) {
                group = candidate;
            } else if (variable && count > 2 && (element(name, 1) + element(name, 2)).equals(uniform)) {
                group = candidate;
                rest = 3;
            }
        }
        boolean nearMiss = group == null;
        if (nearMiss) {
            group = ClosestName.of(element(name, 1), GROUPS.keySet().stream().map(g -> g.replace("-", "")).toList())
                    .flatMap(u -> GROUPS.keySet().stream().filter(g -> g.replace("-", "").equals(u)).findFirst()).orElse(null);
            if (group == null) {
                return Optional.empty();
            }
        }
        String tail = joined(name, rest);
        if (!nearMiss && isDottedMapKey(group, name, rest)) {
            return Optional.of(dottedMapKey(name, rest, variable, property.get()));
        }
        if (!nearMiss && (known(group, tail) || isEmptyGroupOrMap(group, tail, property))) {
            return Optional.empty();
        }
        String meant = meant(group, name, rest, tail);
        if (nearMiss && meant == null) {
            return Optional.empty(); // a name of the application's own that looks like the group
        }
        String written = written(name, property.get());
        String prefix = "extraction." + group + ".";
        List<String> names = GROUPS.get(group).stream().map(s -> s.endsWith(".") ? s + "<key>" : s).toList();
        return Optional.of(new Unknown("extraction." + group, (variable ? "the environment variable " + written : written)
                + " is not a setting of the extraction run time"
                + (meant == null ? "" : " (did you mean " + (variable ? variable(meant) : meant) + "?)")
                + ": the " + prefix + "* settings are " + String.join(", ", names)));
    }

    /**
     * Whether {@code name} is a {@code remote-urls} key of several elements, {@code remote-urls.catalog.covers} (or the
     * variable {@code EXTRACTION_TOPOLOGY_REMOTEURLS_CATALOG_COVERS}). Spring Boot would bind it (the map's values are
     * text, so the rest of the name is the key), but the run time keeps one spelling of a dotted key, the one every
     * source can write the same way and that cannot be read as another module (a variable's {@code _} may stand for a
     * {@code -} as well): brackets, {@code remote-urls[catalog.covers]}.
     */
    private static boolean isDottedMapKey(String group, ConfigurationPropertyName name, int rest) {
        return group.equals("topology") && name.getNumberOfElements() > rest + 2 && element(name, rest).equals("remoteurls");
    }

    /**
     * The refusal of a {@link #isDottedMapKey dotted map key}, naming the forms that bind ({@link RemoteUrlSetting}):
     * the bracketed property, and from the environment {@code SPRING_APPLICATION_JSON} with that property as its key.
     */
    private static Unknown dottedMapKey(ConfigurationPropertyName name, int rest, boolean variable,
            ConfigurationProperty property) {
        String key = keyOf(name, rest + 1);
        String module = variable ? key.toLowerCase(Locale.ROOT) : key;
        String written = written(name, property);
        return new Unknown("extraction.topology", (variable ? "the environment variable " + written : written)
                + " is refused: the run time takes a remote-urls key with '.' (a nested module's name) in one spelling, brackets, "
                + (variable ? "which a variable named in letters, digits and '_' cannot write: set "
                        + RemoteUrlSetting.property(module) + " as a property, or " + RemoteUrlSetting.environment(module)
                        : "as " + RemoteUrlSetting.property(module) + " (from the environment: "
                                + RemoteUrlSetting.environment(module) + ")"));
    }

    /** Whether {@code tail} (the name after its group, uniform, joined) is a setting of {@code group}. */
    private static boolean known(String group, String tail) {
        for (String setting : GROUPS.get(group)) {
            String uniform = uniform(setting);
            boolean map = setting.endsWith(".");
            if (map ? tail.startsWith(uniform) && tail.length() > uniform.length()
                    : tail.equals(uniform) || LISTS.contains(setting) && tail.startsWith(uniform)
                            && tail.substring(uniform.length()).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** The group itself, or a map without a key, given with no value: what a YAML section with nothing in it gives. */
    private static boolean isEmptyGroupOrMap(String group, String tail, Supplier<ConfigurationProperty> property) {
        boolean bare = tail.isEmpty() || GROUPS.get(group).stream().anyMatch(s -> s.endsWith(".") && uniform(s).equals(tail));
        if (!bare) {
            return false;
        }
        ConfigurationProperty given = property.get();
        return given == null || given.getValue() == null || given.getValue().toString().isBlank();
    }

    /** The setting the name most likely meant, as a property name; null when none is close. */
    private static String meant(String group, ConfigurationPropertyName name, int rest, String tail) {
        String prefix = "extraction." + group + ".";
        if (known(group, tail)) {
            // Only the group was mistyped: the rest is one of its settings as it is.
            for (String setting : GROUPS.get(group)) {
                if (setting.endsWith(".") && tail.startsWith(uniform(setting))) {
                    return mapEntry(group, setting, keyOf(name, rest + 1));
                }
                if (tail.startsWith(uniform(setting))) {
                    String index = tail.substring(uniform(setting).length());
                    return prefix + setting + (index.isEmpty() ? "" : "[" + index + "]");
                }
            }
        }
        // A mistyped map name: its first element close to the map's, the key after it as written.
        if (name.getNumberOfElements() > rest + 1) {
            for (String setting : GROUPS.get(group)) {
                if (setting.endsWith(".") && ClosestName.of(element(name, rest), List.of(uniform(setting))).isPresent()) {
                    return mapEntry(group, setting, keyOf(name, rest + 1));
                }
            }
        }
        List<String> plain = GROUPS.get(group).stream().filter(s -> !s.endsWith(".")).toList();
        return ClosestName.of(tail, plain.stream().map(SettingNameRefusal::uniform).toList())
                .flatMap(u -> plain.stream().filter(s -> uniform(s).equals(u)).findFirst()).map(s -> prefix + s).orElse(null);
    }

    /**
     * A map's entry as a property that binds it: the key after a dot ({@code extraction.topology.remote-urls.users}), or
     * in brackets when it has a dot of its own ({@code extraction.topology.remote-urls[catalog.covers]}).
     */
    private static String mapEntry(String group, String map, String key) {
        String name = "extraction." + group + "." + map.substring(0, map.length() - 1);
        return key.contains(".") ? name + "[" + key + "]" : name + "." + key;
    }

    /** The elements from {@code from} on, as written, joined by dots: a map's key. */
    private static String keyOf(ConfigurationPropertyName name, int from) {
        List<String> key = new ArrayList<>();
        for (int i = from; i < name.getNumberOfElements(); i++) {
            key.add(name.getElement(i, Form.ORIGINAL));
        }
        return String.join(".", key);
    }

    /** The name as the user wrote it: the variable, the argument or property (with its file and line, from a file). */
    private static String written(ConfigurationPropertyName name, ConfigurationProperty property) {
        Origin origin = property == null ? null : property.getOrigin();
        if (origin instanceof SystemEnvironmentOrigin environment) {
            return environment.getProperty();
        }
        if (origin instanceof PropertySourceOrigin source) {
            return source.getOrigin() instanceof TextResourceOrigin file
                    ? source.getPropertyName() + " (" + file + ")" : source.getPropertyName();
        }
        return origin instanceof TextResourceOrigin file ? name + " (" + file + ")" : name.toString();
    }

    /**
     * The environment variable of a property name, as the README writes them: {@code EXTRACTION_TOPOLOGY_LOCAL_MODULES};
     * a key of the one map, {@code remote-urls}, as {@link RemoteUrlSetting#named} writes it
     * ({@code EXTRACTION_TOPOLOGY_REMOTEURLS_USERS}, else the {@code SPRING_APPLICATION_JSON} that binds it).
     */
    private static String variable(String property) {
        String map = GROUPS.entrySet().stream().flatMap(e -> e.getValue().stream().map(s -> "extraction." + e.getKey() + "." + s))
                .filter(s -> s.endsWith(".")).map(s -> s.substring(0, s.length() - 1))
                .filter(s -> property.startsWith(s + ".") || property.startsWith(s + "[")).findFirst().orElse(null);
        if (map == null) {
            return property.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
        }
        String key = property.substring(map.length() + 1);
        return RemoteUrlSetting.named(key.endsWith("]") ? key.substring(0, key.length() - 1) : key);
    }

    private static String element(ConfigurationPropertyName name, int index) {
        return name.getElement(index, Form.UNIFORM);
    }

    /** The elements from {@code from} on, in uniform form (lower case, no dashes), joined: {@code localmodules}. */
    private static String joined(ConfigurationPropertyName name, int from) {
        StringBuilder joined = new StringBuilder();
        for (int i = from; i < name.getNumberOfElements(); i++) {
            joined.append(element(name, i));
        }
        return joined.toString();
    }

    /** A setting's name in uniform form, joined: {@code local-modules} is {@code localmodules}. */
    private static String uniform(String setting) {
        return setting.replace("-", "").replace(".", "").toLowerCase(Locale.ROOT);
    }
}
