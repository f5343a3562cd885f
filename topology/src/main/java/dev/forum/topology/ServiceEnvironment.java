package dev.forum.topology;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A service's own environment variables ({@code environment:} of a service, {@link TopologyFile}'s schema), read and
 * checked. In: the value of the key; out: name to value in the file's order, or {@code null} when one of them is
 * wrong, each mistake recorded as one line naming the service ({@link TopologyNodes#in}). A name is letters, digits
 * and '_', not starting with a digit: ECS passes any name, but a POSIX shell exports only these and Spring Boot binds
 * a property only from these, so a property's name written as such ({@code spring.modulith.events.completion-mode}) is
 * told its variable ({@code SPRING_MODULITH_EVENTS_COMPLETIONMODE}). A name under {@value #RUNTIME_PREFIX} is refused:
 * those are the run time's topology settings, which a deployment sets from the file itself. The values the deployment
 * sets otherwise (the datasource's, the ports, ...) depend on its settings and are checked where it is rendered.
 */
final class ServiceEnvironment {

    /** The run time's own settings ({@code extraction.topology.*}) as environment variables. */
    static final String RUNTIME_PREFIX = "EXTRACTION_TOPOLOGY_";

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private ServiceEnvironment() {
    }

    /**
     * @param in   reads the service's values, each mistake naming the service
     * @param node the value of the service's {@code environment:}
     * @return the variables, name to value in the file's order; {@code null} when any is wrong (each recorded)
     */
    static Map<String, String> read(TopologyNodes in, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            in.mistake(node, "environment must be a mapping of variable names to values, such as environment:"
                    + " {SPRING_MODULITH_EVENTS_JDBC_SCHEMA: posts}");
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        boolean wrong = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : null;
            String problem = name == null ? "an environment variable's name must be a single value, not a list or a mapping"
                    : nameProblem(name);
            if (problem == null && variables.containsKey(name)) {
                problem = "environment variable " + name + " appears twice";
            }
            Node at = tuple.getKeyNode();
            if (problem == null) {
                problem = valueProblem(name, tuple.getValueNode());
                at = tuple.getValueNode();
            }
            if (problem != null) {
                in.mistake(at, problem);
                wrong = true;
            } else {
                variables.put(name, ((ScalarNode) tuple.getValueNode()).getValue());
            }
        }
        return wrong ? null : variables;
    }

    /** What is wrong with a variable's name, or null when nothing is. */
    private static String nameProblem(String name) {
        if (!name.matches(NAME)) {
            String like = name.toUpperCase(Locale.ROOT).replace("-", "").replaceAll("[^A-Z0-9_]+", "_")
                    .replaceAll("^_+|_+$", "");
            return "environment variable name '" + name + "' must be letters, digits and '_', not starting with a digit"
                    + " (as a shell exports it and Spring Boot reads it)"
                    + (like.matches(NAME) && !like.isEmpty() ? " (did you mean " + like + "?)" : "");
        }
        if (name.toUpperCase(Locale.ROOT).startsWith(RUNTIME_PREFIX)) {
            return "environment variable " + name + " is one of the run time's topology settings, which the deployment"
                    + " sets from this file itself (the modules a service runs, where the others are): remove it, and"
                    + " change the services' modules instead";
        }
        return null;
    }

    /** What is wrong with a variable's value, or null when nothing is. */
    private static String valueProblem(String name, Node value) {
        if (!(value instanceof ScalarNode scalar)) {
            return "environment variable " + name + " must have a single value, not a list or a mapping";
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            return "environment variable " + name + " has no value: give it one (write " + name
                    + ": '' for an empty one)";
        }
        return null;
    }
}
