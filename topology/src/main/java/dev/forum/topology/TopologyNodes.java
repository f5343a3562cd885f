package dev.forum.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML values of one topology file read as the types its schema asks for ({@link TopologyFile}): a mapping of
 * known keys, a name, a list of names, a whole number, a boolean, a single value. In: a composed YAML node and what it
 * is, in the file's terms ({@code "edge.rate-limit"}); out: the value, or a {@link TopologyException} of
 * {@code <source>:<line>: <what is wrong>} (an unknown or repeated key, a value of the wrong kind), which
 * {@link #error} also makes for the schema's own checks.
 */
final class TopologyNodes {

    private static final String NAME = "[a-z][a-z0-9-]{0,19}";

    private final String source;

    /** @param source the file's name in messages */
    TopologyNodes(String source) {
        this.source = source;
    }

    /** A mapping whose keys are all {@code allowed}, each once, in the file's order. */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of keys (" + String.join(", ", sorted(allowed)) + ")");
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (known keys: "
                        + String.join(", ", sorted(allowed)) + ")");
            }
            if (keys.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "key '" + key + "' appears twice in " + what);
            }
        }
        return keys;
    }

    /** A name: 1-20 lower-case letters, digits or '-', starting with a letter. */
    String name(Node node, String what) {
        String value = scalar(node, what);
        if (!value.matches(NAME)) {
            throw error(node, what + " '" + value + "' must be 1-20 lower-case letters, digits or '-', starting "
                    + "with a letter");
        }
        return value;
    }

    /** A list of names ({@link #name}), or one name alone. */
    List<String> names(Node node, String what) {
        if (node instanceof ScalarNode) {
            return List.of(name(node, what));
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list such as [posts, threads]");
        }
        List<String> names = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            names.add(name(item, what));
        }
        return names;
    }

    /**
     * The line of each item of a list read by {@link #names} (where each name is written: in a flow list
     * {@code [a, b]} and in a block list of {@code - a} alike), or the value's own line for one name alone.
     */
    static List<Integer> itemLines(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(TopologyNodes::line).toList();
        }
        return List.of(line(node));
    }

    /** A whole number that fits an {@code int}. */
    int integer(Node node, String what) {
        String value = scalar(node, what);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(node, what + " must be a whole number, not '" + value + "'");
        }
    }

    /** {@code true} or {@code false}, spelled so. */
    boolean bool(Node node, String what) {
        String value = scalar(node, what);
        if (!value.equals("true") && !value.equals("false")) {
            throw error(node, what + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A single value, as written. */
    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    /** The mistake {@code message} at the node's line: {@code <source>:<line>: <message>}. */
    TopologyException error(Node node, String message) {
        return new TopologyException(source + ":" + line(node) + ": " + message);
    }

    /** The node's line in the file, from 1. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
