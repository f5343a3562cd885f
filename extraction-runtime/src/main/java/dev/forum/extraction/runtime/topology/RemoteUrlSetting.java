package dev.forum.extraction.runtime.topology;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one module's URL ({@code extraction.topology.remote-urls.<module>}) is written so that Spring Boot binds it to
 * that module's name, as a property and from the environment: the one place the run time's refusals take these forms
 * from. The run time keeps one spelling of a module name with {@code .} (Spring Modulith's name of a nested module,
 * {@code catalog.covers}), brackets, {@code extraction.topology.remote-urls[catalog.covers]}, and refuses the dotted
 * forms, which Spring Boot would bind too. An {@code EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE>} variable
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

    /**
     * Reads a URL setting as written.
     *
     * @param written the setting's value, as the environment gives it
     * @return the URL, or empty when the text is no URI at all ({@code 127.0.0.1:8082}: a scheme cannot start with a
     *         digit), which {@link #refusal} then words
     */
    static Optional<URI> parse(String written) {
        try {
            return Optional.of(new URI(written.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code url} is an absolute http(s) URL with a host, the only kind a remote module can be reached at. */
    static boolean isHttpUrl(URI url) {
        return url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                && url.getHost() != null;
    }

    /**
     * The one-line refusal of a URL setting that is no absolute http(s) URL, with the fix: a text without
     * {@code ://} ({@code localhost:8082}, {@code 127.0.0.1:8082}, {@code lb.example.com}) is told to put
     * {@code http://} in front of it, any other one shown the form.
     *
     * @param setting the setting as the refusal names it, and whose URL it is:
     *                {@code extraction.topology.remote-urls.posts (EXTRACTION_TOPOLOGY_REMOTEURLS_POSTS), the URL of
     *                remote module 'posts',}
     * @param written the value as written
     * @return {@code <setting> must be an absolute http(s) URL, not 'localhost:8082': write http://localhost:8082}
     */
    static String refusal(String setting, String written) {
        String value = written.strip();
        boolean noScheme = !value.isEmpty() && !value.contains("://");
        return setting + " must be an absolute http(s) URL, " + (noScheme ? "not '" + written + "': write http://"
                + value.replaceFirst("^/+", "") : "like http://alb.example.com, not '" + written + "'");
    }
}
