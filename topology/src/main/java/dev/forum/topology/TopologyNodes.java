package dev.forum.topology;

import dev.forum.closestname.ClosestName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML values of one topology file read as the types its schema asks for ({@link TopologyFile}): a mapping of
 * known keys, a name, a list of names, a whole number, a boolean, a single value. In: a composed YAML node and what it
 * is, in the file's terms ({@code "edge.rate-limit"}); out: the value, or {@code null} when it is wrong, the mistake
 * ({@code <source>:<line>: <what is wrong>}: an unknown or repeated key, a value of the wrong kind) then recorded in
 * the file's {@link TopologyMistakes}, where {@link #mistake} also records the schema's own checks. A service's values
 * are read through {@link #in}: each of their mistakes then names the service first and the key as written in it, the
 * one form of every mistake of a service ({@code posts: count must be a whole number, not 'lots'}, {@code monolith:
 * monolith must be true or false, not 'yes'}, {@code posts: cpu 300 is not a Fargate size ...}); so are the unknown and
 * repeated keys of the service's own mapping and its keys that are a list or a mapping, read by {@link #keys} and
 * recorded by {@link #tell} once its name is read ({@code posts: unknown key 'colour' (known keys: ...)},
 * {@code posts: a key must be a single value, not a list or a mapping (known keys: ...)}). Nothing here throws: the reader goes on to the rest of
 * the file.
 */
final class TopologyNodes {

    private static final String NAME = "[a-z][a-z0-9-]{0,19}";

    /**
     * The advice for a module listed by a dotted name, as Spring Modulith names a nested module or an annotated one deeper
     * below a root ({@code catalog.covers}): no service can be named after it, and its own id names it instead.
     */
    private static final String DOTTED_MODULE = ": Spring Modulith names a nested or deep module by its package path, which"
            + " no service's resources can carry; give it such a name with @ApplicationModule(id = ...) on its"
            + " package-info.java and list that (unlisted, it stays in the monolith)";

    /**
     * The known keys of one mapping as written, each once, in the file's order.
     *
     * @param values   each known key's value
     * @param misspelt the known keys absent here that an unknown key of the mapping most likely meant ({@code modles}:
     *                 {@code modules}); a default for one of them may not be what the file meant
     * @param unknown  whether the mapping holds any unknown key: a default for a key left out may then not be what the
     *                 file meant either ({@code is-monolith: true} for {@code monolith:})
     * @param keyMistakes its unknown and repeated keys and its keys that are a list or a mapping, recorded by
     *                 {@link #mapping} at once, by {@link #keys} only through {@link #tell}
     */
    record Keys(Map<String, Node> values, Set<String> misspelt, boolean unknown, List<KeyMistake> keyMistakes) {

        boolean has(String key) {
            return values.containsKey(key);
        }

        /** The key's value, or {@code null} when the key is not written (or only misspelt). */
        Node get(String key) {
            return values.get(key);
        }

        /** Whether the key is absent but an unknown key most likely meant it. */
        boolean misspelt(String key) {
            return misspelt.contains(key);
        }
    }

    /**
     * An unknown or repeated key of a mapping, or a key that is a list or a mapping, its text {@code before + where + after}: {@code where} says whose mapping
     * it is ({@code " in database"}), or nothing when the reader names it ({@link #in}: {@code posts: unknown key ...}).
     */
    record KeyMistake(Node node, String before, String after) {
    }

    private final TopologyMistakes mistakes;
    private final String service;

    /** @param mistakes where the file's mistakes are recorded */
    TopologyNodes(TopologyMistakes mistakes) {
        this(mistakes, null);
    }

    private TopologyNodes(TopologyMistakes mistakes, String service) {
        this.mistakes = mistakes;
        this.service = service;
    }

    /**
     * The values of one service: each mistake recorded through the reader returned is {@code <service>: <message>},
     * its {@code what} the key as written in the service ({@code count}, {@code autoscaling.min}).
     *
     * @param service the service's name as written
     * @return a reader recording into the same mistakes
     */
    TopologyNodes in(String service) {
        return new TopologyNodes(mistakes, service);
    }

    /**
     * A mapping whose keys are all {@code allowed}, each once, in the file's order; an unknown or repeated key, or a
     * key that is a list or a mapping, is recorded and left out (the first of a repeated key is kept), the other keys are read. An unknown key close to a
     * known one ({@link ClosestName}) is told so: {@code unknown key 'instanse' in database: did you mean instance?}.
     *
     * @return the keys, or {@code null} when the node is not a mapping
     */
    Keys mapping(Node node, String what, Set<String> allowed) {
        Keys keys = keys(node, what, allowed);
        if (keys != null) {
            tell(keys, " in " + what);
        }
        return keys;
    }

    /**
     * As {@link #mapping}, its unknown and repeated keys not recorded yet: the caller records them through
     * {@link #tell} once it knows whose mapping it is (a service's, after its {@code name:} is read).
     *
     * @return the keys, or {@code null} when the node is not a mapping (that mistake recorded at once)
     */
    Keys keys(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            mistake(node, what + " must be a mapping of keys (" + String.join(", ", sorted(allowed)) + ")");
            return null;
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        Set<String> misspelt = new TreeSet<>();
        List<KeyMistake> keyMistakes = new ArrayList<>();
        boolean unknown = false;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                // Told with the mapping's other key mistakes, so that a service's names the service as they do; which
                // key it meant is not known, so a default for a key left out may not be what the file meant.
                unknown = true;
                keyMistakes.add(new KeyMistake(tuple.getKeyNode(), "a key must be a single value",
                        ", not a list or a mapping (known keys: " + String.join(", ", sorted(allowed)) + ")"));
                continue;
            }
            String key = keyNode.getValue();
            if (!allowed.contains(key)) {
                unknown = true;
                Optional<String> meant = ClosestName.of(key, allowed);
                keyMistakes.add(new KeyMistake(tuple.getKeyNode(), "unknown key '" + key + "'",
                        meant.map(known -> ": did you mean " + known + "?").orElse("") + " (known keys: "
                                + String.join(", ", sorted(allowed)) + ")"));
                meant.ifPresent(misspelt::add);
            } else if (keys.putIfAbsent(key, tuple.getValueNode()) != null) {
                keyMistakes.add(new KeyMistake(tuple.getKeyNode(), "key '" + key + "' appears twice", ""));
            }
        }
        misspelt.removeAll(keys.keySet());
        return new Keys(keys, misspelt, unknown, List.copyOf(keyMistakes));
    }

    /**
     * Records the unknown and repeated keys of a mapping read by {@link #keys}: {@code unknown key 'colour' in a
     * service (known keys: ...)} with {@code where} {@code " in a service"}, {@code posts: unknown key 'colour' (known
     * keys: ...)} with {@code ""} through {@link #in}.
     */
    void tell(Keys keys, String where) {
        keys.keyMistakes().forEach(k -> mistake(k.node(), k.before() + where + k.after()));
    }

    /**
     * A name: 1-20 lower-case letters, digits or '-', starting with a letter; {@code null} when it is not one. A name too
     * long is told its length; another wrong one the valid name closest to it ({@link TopologyFile#nameLike}) when that
     * is a whole name, not one cut short: {@code service name 'Catalog_Svc' must be ... (did you mean catalog-svc?)}.
     */
    String name(Node node, String what) {
        return name(node, what, true);
    }

    /**
     * As {@link #name(Node, String)}; {@code suggest} false gives no name in place: a module's name is the application's
     * (Spring Modulith's {@code order_items} is no {@code order-items}), which only the check against its modules knows;
     * a dotted module name ({@code catalog.covers}) is told how to give the module a name a service can list instead.
     */
    private String name(Node node, String what, boolean suggest) {
        String value = scalar(node, what);
        if (value != null && !value.matches(NAME)) {
            String rule = "1-20 lower-case letters, digits or '-', starting with a letter";
            if (value.length() > 20 && value.substring(0, 20).matches(NAME)) {
                mistake(node, what + " '" + value + "' is " + value.length() + " characters long: a name is " + rule
                        + "; shorten it");
            } else {
                String like = TopologyFile.nameLike(value);
                boolean whole = TopologyFile.nameLikeUncut(value).equals(like);
                boolean hint = suggest && whole && like.matches(NAME) && like.length() >= value.strip().length() / 2;
                mistake(node, what + " '" + value + "' must be " + rule + (hint ? " (did you mean " + like + "?)" : "")
                        + (!suggest && value.contains(".") && ModuleRoute.moduleName(value) ? DOTTED_MODULE : ""));
            }
            return null;
        }
        return value;
    }

    /**
     * A list of names ({@link #name}), or one name alone, each read on its own: a wrong one is recorded and read as
     * {@code null} in its place, so that the others still count ({@link #itemLines} gives each one's line).
     *
     * @param list what the list is ({@code modules})
     * @param item what each name is ({@code module})
     * @return the names in order, {@code null} for each wrong one; {@code null} when the value is no list or name, or
     *         one text of several names ({@code modules: a, b}, brackets forgotten: told to write {@code [a, b]})
     */
    List<String> names(Node node, String list, String item) {
        if (node instanceof ScalarNode scalar && scalar.getValue().strip().matches("[^,\\s\\[\\]]+([,\\s]+[^,\\s\\[\\]]+)+")) {
            // modules: appointments, billing: YAML reads one text; the brackets make it a list.
            mistake(node, list + " '" + scalar.getValue().strip() + "' is one text, not a list: write a YAML list, "
                    + list + ": [" + String.join(", ", scalar.getValue().strip().split("[,\\s]+")) + "]");
            return null;
        }
        if (node instanceof ScalarNode) {
            return Collections.singletonList(name(node, item, false));
        }
        if (!(node instanceof SequenceNode sequence)) {
            mistake(node, list + " must be a list such as [posts, threads]");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Node each : sequence.getValue()) {
            names.add(name(each, item, false));
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

    /** A whole number that fits an {@code int}; {@code null} when it is not one. */
    Integer integer(Node node, String what) {
        String value = scalar(node, what);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            mistake(node, what + " must be a whole number, not '" + value + "'");
            return null;
        }
    }

    /** {@code true} or {@code false}, spelled so; {@code null} when it is neither. */
    Boolean bool(Node node, String what) {
        String value = scalar(node, what);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            mistake(node, what + " must be true or false, not '" + value + "'");
            return null;
        }
        return value == null ? null : Boolean.valueOf(value);
    }

    /** A single value, as written; {@code null} when it is a list or a mapping. */
    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            mistake(node, what + " must be a single value");
            return null;
        }
        return scalar.getValue();
    }

    /**
     * Records the mistake {@code message} at the node's line: {@code <source>:<line>: <message>}, or
     * {@code <source>:<line>: <service>: <message>} through {@link #in}.
     */
    void mistake(Node node, String message) {
        mistakes.add(line(node), service == null ? message : service + ": " + message);
    }

    /** The node's line in the file, from 1. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
