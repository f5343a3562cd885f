package dev.forum.extraction.maven;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ExtractionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The {@code -D} properties given for the plugin, checked before any goal works: Maven itself ignores a property no
 * parameter reads and turns any word but {@code true} into {@code false}, so {@code -Dextract.imag=false} would build an
 * image and {@code -Dextrac=orders} would build nothing, each with BUILD SUCCESS.
 */
final class PluginProperties {

    /** The plugin's own prefix: every property it reads is {@code extract} or starts {@code extract.}. */
    private static final String PREFIX = "extract";

    private PluginProperties() {
    }

    /**
     * @param userProperties the build's {@code -D} properties
     * @param plugin         this plugin's descriptor: every goal's parameters and the property each reads
     * @throws ExtractionException every mistake at once, one line each (a first line counting them when there are
     *                             several): a property in the plugin's name that no goal reads (with the closest one,
     *                             and where the properties are listed: not all of them), a key of six letters or more
     *                             within two edits of {@code extract} (a mistyped {@code -Dextract}), an empty
     *                             {@code -Dextract=}, or a switch that is neither {@code true} nor {@code false}
     */
    static void check(Properties userProperties, PluginDescriptor plugin) {
        List<String> mistakes = mistakes(userProperties, plugin);
        if (mistakes.size() == 1) {
            throw new ExtractionException(mistakes.get(0));
        }
        if (!mistakes.isEmpty()) {
            throw new ExtractionException(mistakes.size() + " mistakes in the -D properties of the extraction plugin:\n"
                    + String.join("\n", mistakes));
        }
    }

    /** The mistakes {@link #check} refuses, one line each, in the order of the properties' names. */
    private static List<String> mistakes(Properties userProperties, PluginDescriptor plugin) {
        Map<String, String> known = known(plugin);
        List<String> mistakes = new ArrayList<>();
        for (String key : new TreeSet<>(userProperties.stringPropertyNames())) {
            String value = userProperties.getProperty(key);
            String head = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            boolean ours = head.equals(PREFIX);
            // Six letters or more: a short key two edits away (exact, extra) is more likely another tool's.
            if (!ours && head.length() >= 6 && ClosestName.distance(head.toLowerCase(Locale.ROOT), PREFIX) <= 2) {
                String meant = PREFIX + key.substring(head.length());
                mistakes.add("-D" + key + "=" + value + " is not a property of the extraction plugin: did you"
                        + " mean -D" + (known.containsKey(meant) ? meant : PREFIX) + "=" + value + "?");
            } else if (!ours) {
                continue;
            } else if (!known.containsKey(key)) {
                mistakes.add("-D" + key + " is not a property of the extraction plugin"
                        + ClosestName.hint(key, known.keySet()) + ": correct it or leave it out; " + listing(plugin));
            } else if (key.equals(PREFIX) && value.isBlank()) {
                mistakes.add("-Dextract= names nothing: give the modules or services to build, e.g."
                        + " -Dextract=<module or service>, or leave it out");
            } else if ("boolean".equals(known.get(key)) && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                mistakes.add("-D" + key + "=" + value + " is neither true nor false: say -D" + key + "=true or -D"
                        + key + "=false");
            }
        }
        return mistakes;
    }

    /**
     * Where the plugin's properties are listed, instead of all of them in the refusal (some 40, a line of over a
     * thousand characters): its help goal, which prints each goal's parameters with the property each reads.
     */
    private static String listing(PluginDescriptor plugin) {
        String prefix = plugin.getGoalPrefix() == null || plugin.getGoalPrefix().isBlank() ? PREFIX : plugin.getGoalPrefix();
        return plugin.getMojo("help") != null
                ? "`mvn " + prefix + ":help -Ddetail` lists every goal's properties (\"User property\")"
                : "the plugin's README lists its goals' properties";
    }

    /** Every property a goal of the plugin reads ({@code ${extract...}} expressions), with the parameter's type. */
    private static Map<String, String> known(PluginDescriptor plugin) {
        Map<String, String> properties = new TreeMap<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() == null) {
                continue;
            }
            for (Parameter parameter : mojo.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${" + PREFIX) && expression.endsWith("}")) {
                    properties.put(expression.substring(2, expression.length() - 1), parameter.getType());
                }
            }
        }
        return properties;
    }
}
