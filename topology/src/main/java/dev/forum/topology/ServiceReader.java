package dev.forum.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One service of a topology file ({@link TopologyFile}'s {@code services:} items) read and checked. In: the service's
 * node; out: its {@link ServiceSpec}, or none when it holds a mistake, every mistake found then recorded in the
 * file's {@link TopologyMistakes}; and, whenever it has a name, its {@link ServiceOutline} for the checks across
 * services. A check that needs a value which is wrong (or left out while an unknown key of the
 * service looks like it: {@code monolth: true}) is skipped, the others run: a wrong {@code count} skips the
 * autoscaling bounds, a wrong {@code monolith} the checks that differ for the monolith, and so on. Each mistake of a
 * named service names it first ({@link TopologyNodes#in}: {@code posts: count must be a whole number, not 'lots'},
 * {@code posts: unknown key 'colour' (known keys: ...)}); a service without a name has only its keys checked, as
 * {@code unknown key 'colour' in a service}. The outline holds whatever of it reads right, so that one run also gives
 * the checks across services: of a modules list with a wrong name, the others; of a service without a name, whether it
 * is the monolith ({@link Read#monolith}), its modules read with its other values once it has a name.
 */
final class ServiceReader {

    private static final Set<String> SERVICE_KEYS =
            Set.of("name", "monolith", "modules", "cpu", "memory", "count", "autoscaling", "traffic", "database",
                    "environment");
    private static final Set<String> OWN_DATABASE_KEYS = Set.of("instance", "storage");
    private static final Set<String> AUTOSCALING_KEYS = Set.of("min", "max", "cpu-target");

    private final TopologyNodes nodes;
    private final TopologyMistakes mistakes;

    /**
     * @param nodes    reads the file's values, recording their mistakes
     * @param mistakes the file's mistakes, counted to tell whether the service had one
     */
    ServiceReader(TopologyNodes nodes, TopologyMistakes mistakes) {
        this.nodes = nodes;
        this.mistakes = mistakes;
    }

    /**
     * A service read: the whole of it when it holds no mistake, and the parts the checks across services need
     * whenever it has a name.
     *
     * @param spec     the service, or {@code null} when it holds a mistake (recorded)
     * @param outline  its name, monolith flag and modules as far as they could be read; {@code null} without a name
     * @param monolith whether it is the monolith, also without a name; {@code null} when not known (a wrong or misspelt
     *                 {@code monolith:}, an unknown key and no {@code monolith:}, no mapping at all)
     */
    record Read(ServiceSpec spec, ServiceOutline outline, Boolean monolith) {

        static final Read NOTHING = new Read(null, null, null);
    }

    /**
     * @param node one item of {@code services:}
     * @return the service read ({@link Read})
     */
    Read service(Node node) {
        int before = mistakes.count();
        // Its unknown and repeated keys are told once its name is read, so that they name it as its other mistakes do.
        TopologyNodes.Keys keys = nodes.keys(node, "a service", SERVICE_KEYS);
        if (keys == null) {
            return Read.NOTHING;
        }
        String name = keys.has("name") ? nodes.name(keys.get("name"), "service name") : null;
        if (name == null && keys.get("name") instanceof ScalarNode written && !written.getValue().isBlank()) {
            name = written.getValue(); // a wrong name still names its service in the other messages, as written
        } else if (name == null) {
            nodes.tell(keys, " in a service");
            if (!keys.has("name") && !keys.misspelt("name")) { // else its unknown key says it
                nodes.mistake(node, "a service without a name: add name: <service>");
            }
            // Every other message names the service: without a name, only its keys are checked (above), and whether
            // it is the monolith is read for the checks across services, its mistake left for when it has a name.
            return new Read(null, null, monolithWithoutName(keys));
        }
        TopologyNodes in = nodes.in(name);
        in.tell(keys, "");
        // Left out beside an unknown key (is-monolith: true), whether it is the monolith is not known.
        Boolean monolith = !keys.has("monolith") && keys.unknown() ? null : bool(in, keys, "monolith", false);
        List<String> written = keys.has("modules") ? in.names(keys.get("modules"), "modules", "module")
                : keys.misspelt("modules") ? null : List.of();
        // The service's modules when each is read right; the checks across services take every one that is. Whether
        // it lists any is what is written: a monolith listing a wrong name still lists modules.
        List<String> modules = written == null || written.stream().anyMatch(Objects::isNull) ? null : written;
        Sizing sizing = sizing(in, node, keys);
        Integer count = integer(in, keys, "count", 2);
        if (count != null && count < 1) {
            in.mistake(keys.get("count"), "count must be at least 1");
            count = null;
        }
        Autoscaling autoscaling = autoscaling(in, keys.get("autoscaling"), count);
        Integer traffic = traffic(in, keys, monolith);
        if (Boolean.TRUE.equals(monolith) && written != null && !written.isEmpty()) {
            in.mistake(keys.get("modules"), "the monolith holds every module not listed elsewhere; remove its modules"
                    + " list");
        }
        if (Boolean.FALSE.equals(monolith) && written != null && written.isEmpty()) {
            in.mistake(node, "an extracted service needs modules: [<module>, ...] (or monolith: true)");
        }
        OwnDatabase database = ownDatabase(in, keys.get("database"), monolith, traffic);
        Map<String, String> environment = keys.has("environment") ? ServiceEnvironment.read(in, keys.get("environment"))
                : Map.of();
        List<Integer> lines = written != null && keys.has("modules") ? TopologyNodes.itemLines(keys.get("modules"))
                : List.of();
        ServiceOutline outline = outline(name, node, monolith, written, lines);
        if (mistakes.count() > before) {
            return new Read(null, outline, monolith);
        }
        return new Read(new ServiceSpec(name, monolith, modules, sizing, count, autoscaling, traffic,
                TopologyNodes.line(node), database, lines, environment), outline, monolith);
    }

    /** The outline of a named service: of its modules, each one read right, with its line. */
    private static ServiceOutline outline(String name, Node node, Boolean monolith, List<String> written,
            List<Integer> lines) {
        List<String> modules = new ArrayList<>();
        List<Integer> moduleLines = new ArrayList<>();
        for (int i = 0; written != null && i < written.size(); i++) {
            if (written.get(i) != null) {
                modules.add(written.get(i));
                if (!lines.isEmpty()) {
                    moduleLines.add(lines.get(i));
                }
            }
        }
        return new ServiceOutline(name, TopologyNodes.line(node), monolith, modules, moduleLines);
    }

    /**
     * Whether a service without a name is the monolith, read without a word: its mistakes are told once it has a name.
     * {@code null} when not known (a value other than true or false, a misspelt key, an unknown key and no
     * {@code monolith:}).
     */
    private static Boolean monolithWithoutName(TopologyNodes.Keys keys) {
        if (!keys.has("monolith")) {
            return keys.unknown() ? null : Boolean.FALSE;
        }
        return keys.get("monolith") instanceof ScalarNode flag && flag.getValue().matches("true|false")
                ? Boolean.valueOf(flag.getValue()) : null;
    }

    /** The Fargate size; checked only when both its numbers are known. */
    private Sizing sizing(TopologyNodes in, Node node, TopologyNodes.Keys keys) {
        Integer cpu = integer(in, keys, "cpu", Sizing.DEFAULT.cpu());
        Integer memory = integer(in, keys, "memory", Sizing.DEFAULT.memory());
        if (cpu == null || memory == null) {
            return null;
        }
        Sizing sizing = new Sizing(cpu, memory);
        String problem = sizing.problem();
        if (problem != null) {
            in.mistake(keys.values().getOrDefault("cpu", keys.values().getOrDefault("memory", node)), problem);
        }
        return sizing;
    }

    /** The traffic share; {@code monolith} {@code null} (not known) skips the check that it is not the monolith's. */
    private Integer traffic(TopologyNodes in, TopologyNodes.Keys keys, Boolean monolith) {
        if (!keys.has("traffic")) {
            return keys.misspelt("traffic") ? null : 100;
        }
        if (Boolean.TRUE.equals(monolith)) {
            in.mistake(keys.get("traffic"), "the monolith takes whatever traffic the other services leave; set"
                    + " traffic on the extracted services");
            return null;
        }
        Integer traffic = in.integer(keys.get("traffic"), "traffic");
        if (traffic != null && (traffic < 0 || traffic > 100)) {
            in.mistake(keys.get("traffic"), "traffic is a share from 0 to 100, not " + traffic);
            return null;
        }
        return traffic;
    }

    /** {@code monolith} or {@code traffic} {@code null} (not known) skips the check that needs it. */
    private OwnDatabase ownDatabase(TopologyNodes in, Node node, Boolean monolith, Integer traffic) {
        if (node == null) {
            return null;
        }
        if (Boolean.TRUE.equals(monolith)) {
            in.mistake(node, "the monolith's modules use the shared database; give database: to an extracted"
                    + " service");
            return null; // its settings do not matter: it goes
        }
        if (traffic != null && traffic != 100) {
            in.mistake(node, "a database of its own needs traffic: 100 (a module's data lives in one"
                    + " database, and during a canary the monolith writes it too); drop database: until the service"
                    + " takes all its modules' traffic");
        }
        TopologyNodes.Keys keys = in.mapping(node, "database", OWN_DATABASE_KEYS);
        if (keys == null) {
            return null;
        }
        String instance = keys.has("instance") ? in.scalar(keys.get("instance"), "database.instance")
                : OwnDatabase.DEFAULT.instanceClass();
        Integer storage = keys.has("storage") ? in.integer(keys.get("storage"), "database.storage")
                : Integer.valueOf(OwnDatabase.DEFAULT.storageGiB());
        // Each checked with the other's default, so that a wrong class and a wrong size are both reported.
        if (instance != null) {
            problem(in, keys.get("instance"), new OwnDatabase(instance, OwnDatabase.DEFAULT.storageGiB()));
        }
        if (storage != null) {
            problem(in, keys.get("storage"), new OwnDatabase(OwnDatabase.DEFAULT.instanceClass(), storage));
        }
        return instance == null || storage == null ? null : new OwnDatabase(instance, storage);
    }

    private void problem(TopologyNodes in, Node node, OwnDatabase database) {
        String problem = database.problem();
        if (problem != null) {
            in.mistake(node, problem);
        }
    }

    /** {@code count} {@code null} (not known) skips the bounds around it; the cpu target is checked anyway. */
    private Autoscaling autoscaling(TopologyNodes in, Node node, Integer count) {
        if (node == null) {
            return count == null ? null : new Autoscaling(count, count * 2, 60);
        }
        TopologyNodes.Keys keys = in.mapping(node, "autoscaling", AUTOSCALING_KEYS);
        if (keys == null) {
            return null;
        }
        Integer min = integer(in, keys, "min", "autoscaling.min", count);
        Integer max = integer(in, keys, "max", "autoscaling.max",
                min == null || count == null ? null : Math.max(min, count) * 2);
        Integer target = integer(in, keys, "cpu-target", "autoscaling.cpu-target", 60);
        if (min != null && max != null && count != null && (min < 1 || min > count || count > max)) {
            in.mistake(node, "autoscaling needs 1 <= min <= count <= max; here min " + min + ", count "
                    + count + ", max " + max);
        }
        if (target != null && (target < 10 || target > 90)) {
            in.mistake(keys.get("cpu-target"), "autoscaling cpu-target is a percentage from 10 to 90");
        }
        return min == null || max == null || target == null ? null : new Autoscaling(min, max, target);
    }

    /** The service's key's number ({@link #integer(TopologyNodes, TopologyNodes.Keys, String, String, Integer)}). */
    private static Integer integer(TopologyNodes in, TopologyNodes.Keys keys, String key, Integer otherwise) {
        return integer(in, keys, key, key, otherwise);
    }

    /**
     * The key's number, {@code what} naming it in the service; {@code otherwise} when it is not written, {@code null}
     * when wrong or misspelt.
     */
    private static Integer integer(TopologyNodes in, TopologyNodes.Keys keys, String key, String what,
            Integer otherwise) {
        if (keys.has(key)) {
            return in.integer(keys.get(key), what);
        }
        return keys.misspelt(key) ? null : otherwise;
    }

    /** The service's key's boolean; {@code otherwise} when it is not written, {@code null} when wrong or misspelt. */
    private static Boolean bool(TopologyNodes in, TopologyNodes.Keys keys, String key, boolean otherwise) {
        if (keys.has(key)) {
            return in.bool(keys.get(key), key);
        }
        return keys.misspelt(key) ? null : otherwise;
    }
}
