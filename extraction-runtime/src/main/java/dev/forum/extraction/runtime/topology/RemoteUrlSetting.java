package dev.forum.extraction.runtime.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one module's URL ({@code extraction.topology.remote-urls.<module>}) is written so that Spring Boot binds it to
 * that module's name, as a property and from the environment: the one place the run time's refusals take these forms
 * from. Spring Boot binds the map of URLs by the one element after its name, so a module name with {@code .} (Spring
 * Modulith's name of a nested module, {@code catalog.covers}) is a key only in brackets,
 * {@code extraction.topology.remote-urls[catalog.covers]}. An {@code EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE>} variable
 * names only a module of lower-case letters and digits: Spring Boot lower-cases such a name and splits it at each
 * {@code _}, so {@code EXTRACTION_TOPOLOGY_REMOTEURLS_READINGCLUB} is the key {@code readingclub}, not the module
 * {@code reading-club} (nor {@code readingClub}), and no such variable names {@code catalog.covers}. From the environment,
 * any other module's URL is given in {@code SPRING_APPLICATION_JSON}, whose keys Spring Boot takes as property names.
 */
final class RemoteUrlSetting {

    private static final String MAP = TopologySettings.PREFIX + ".remote-urls";

    /** The module names an {@code EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE>} variable binds. */
    private static final Pattern VARIABLE_KEY = Pattern.compile("[a-z0-9]+");

    private RemoteUrlSetting() {
    }

    /**
     * @param module a module's name as the module metadata gives it: {@code users}, {@code catalog.covers}
     * @return the property that sets its URL: {@code extraction.topology.remote-urls.users},
     *         {@code extraction.topology.remote-urls[catalog.covers]} (in brackets, for a name with {@code .})
     */
    static String property(String module) {
        return module.contains(".") ? MAP + "[" + module + "]" : MAP + "." + module;
    }

    /**
     * @param module a module's name as the module metadata gives it
     * @return whether an {@code EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE>} variable can set its URL: only for a name of
     *         lower-case letters and digits
     */
    static boolean isVariableKey(String module) {
        return VARIABLE_KEY.matcher(module).matches();
    }

    /**
     * @param module a module's name as the module metadata gives it
     * @return the environment variable that sets its URL, with {@code <url>} where the URL goes:
     *         {@code EXTRACTION_TOPOLOGY_REMOTEURLS_USERS=<url>}; for any name that is not {@link #isVariableKey},
     *         {@code SPRING_APPLICATION_JSON={"extraction.topology.remote-urls.reading-club":"<url>"}} (the
     *         {@link #property} as the key)
     */
    static String environment(String module) {
        return isVariableKey(module) ? named(module) + "=<url>" : named(module);
    }

    /**
     * @param module a module's name as the module metadata gives it
     * @return its setting from the environment as a refusal names it: the variable's name,
     *         {@code EXTRACTION_TOPOLOGY_REMOTEURLS_USERS}; for a name that is not {@link #isVariableKey}, the
     *         {@code SPRING_APPLICATION_JSON} assignment, {@link #environment}
     */
    static String named(String module) {
        return isVariableKey(module) ? "EXTRACTION_TOPOLOGY_REMOTEURLS_" + module.toUpperCase(Locale.ROOT)
                : "SPRING_APPLICATION_JSON={\"" + property(module) + "\":\"<url>\"}";
    }

    /**
     * @param module a module's name as the module metadata gives it
     * @return the setting as a refusal names it, property then environment: {@code extraction.topology.remote-urls.users
     *         (EXTRACTION_TOPOLOGY_REMOTEURLS_USERS)}; for a name that is not {@link #isVariableKey}, the
     *         {@code SPRING_APPLICATION_JSON} form and why no {@code EXTRACTION_TOPOLOGY_REMOTEURLS_*} variable names it
     */
    static String described(String module) {
        if (!isVariableKey(module)) {
            return property(module) + " (from the environment: " + named(module) + "; a variable"
                    + " EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE> in letters, digits and '_' names only a module of lower-case"
                    + " letters and digits)";
        }
        return property(module) + " (" + named(module) + ")";
    }
}
