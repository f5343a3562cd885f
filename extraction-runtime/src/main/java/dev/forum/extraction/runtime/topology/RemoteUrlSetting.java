package dev.forum.extraction.runtime.topology;

import java.util.Locale;

/**
 * How one module's URL ({@code extraction.topology.remote-urls.<module>}) is written so that Spring Boot binds it to
 * that module's name, as a property and from the environment: the one place the run time's refusals take these forms
 * from. Spring Boot binds the map of URLs by the one element after its name, so a module name with {@code .} (Spring
 * Modulith's name of a nested module, {@code catalog.covers}) is a key only in brackets,
 * {@code extraction.topology.remote-urls[catalog.covers]}. From the environment, {@code SPRING_APPLICATION_JSON} takes
 * that property name as a key of its JSON object; an {@code EXTRACTION_TOPOLOGY_REMOTEURLS_*} variable, whose name Spring
 * Boot lower-cases and splits at each {@code _}, cannot write a key with {@code .}.
 */
final class RemoteUrlSetting {

    private static final String MAP = TopologySettings.PREFIX + ".remote-urls";

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
     * @return the environment variable that sets its URL, with {@code <url>} where the URL goes:
     *         {@code EXTRACTION_TOPOLOGY_REMOTEURLS_USERS=<url>}, and for a name with {@code .}
     *         {@code SPRING_APPLICATION_JSON={"extraction.topology.remote-urls[catalog.covers]":"<url>"}}
     */
    static String environment(String module) {
        if (module.contains(".")) {
            return "SPRING_APPLICATION_JSON={\"" + property(module) + "\":\"<url>\"}";
        }
        return "EXTRACTION_TOPOLOGY_REMOTEURLS_" + module.toUpperCase(Locale.ROOT).replace("-", "") + "=<url>";
    }

    /**
     * @param module a module's name as the module metadata gives it
     * @return the setting as a refusal names it, property then environment: {@code extraction.topology.remote-urls.users
     *         (EXTRACTION_TOPOLOGY_REMOTEURLS_USERS)}; for a name with {@code .}, the {@code SPRING_APPLICATION_JSON}
     *         form and why no {@code EXTRACTION_TOPOLOGY_REMOTEURLS_*} variable can write it
     */
    static String described(String module) {
        String variable = environment(module);
        if (module.contains(".")) {
            return property(module) + " (from the environment: " + variable + "; a variable"
                    + " EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE> in letters, digits and '_' cannot name a module with '.')";
        }
        return property(module) + " (" + variable.substring(0, variable.indexOf('=')) + ")";
    }
}
