package dev.forum.topology;

import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One service of a topology file ({@link TopologyFile}'s {@code services:} items) read and checked. In: the service's
 * node; out: its {@link ServiceSpec}, or none when it holds a mistake, every mistake found then recorded in the
 * file's {@link TopologyMistakes}; and, whenever it has a name, its {@link ServiceOutline} for the checks across
 * services. A check that needs a value which is wrong (or left out while an unknown key of the
 * service looks like it: {@code monolth: true}) is skipped, the others run: a wrong {@code count} skips the
 * autoscaling bounds, a wrong {@code monolith} the checks that differ for the monolith, and so on.
 */
final class ServiceReader {

    private static final Set<String> SERVICE_KEYS =
            Set.of("name", "monolith", "modules", "cpu", "memory", "count", "autoscaling", "traffic", "database");
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
     * @param spec    the service, or {@code null} when it holds a mistake (recorded)
     * @param outline its name, monolith flag and modules as far as they could be read; {@code null} without a name
     */
    record Read(ServiceSpec spec, ServiceOutline outline) {

        static final Read NOTHING = new Read(null, null);
    }

    /**
     * @param node one item of {@code services:}
     * @return the service read ({@link Read})
     */
    Read service(Node node) {
        int before = mistakes.count();
        TopologyNodes.Keys keys = nodes.mapping(node, "a service", SERVICE_KEYS);
        if (keys == null) {
            return Read.NOTHING;
        }
        if (!keys.has("name")) {
            if (!keys.misspelt("name")) { // else its unknown key says it
                nodes.mistake(node, "a service without a name: add name: <service>");
            }
            // Every other message names the service: without a name, only its keys are checked (above).
            return Read.NOTHING;
        }
        String name = nodes.name(keys.get("name"), "service name");
        if (name == null && keys.get("name") instanceof ScalarNode written && !written.getValue().isBlank()) {
            name = written.getValue(); // a wrong name still names its service in the other messages, as written
        } else if (name == null) {
            return Read.NOTHING;
        }
        // Left out beside an unknown key (is-monolith: true), whether it is the monolith is not known.
        Boolean monolith = !keys.has("monolith") && keys.unknown() ? null
                : bool(keys, "monolith", name + ".monolith", false);
        List<String> modules = keys.has("modules") ? nodes.names(keys.get("modules"), name + ".modules")
                : keys.misspelt("modules") ? null : List.of();
        Sizing sizing = sizing(node, keys, name);
        Integer count = integer(keys, "count", name + ".count", 2);
        if (count != null && count < 1) {
            nodes.mistake(keys.get("count"), name + ": count must be at least 1");
            count = null;
        }
        Autoscaling autoscaling = autoscaling(keys.get("autoscaling"), name, count);
        Integer traffic = traffic(keys, name, monolith);
        if (Boolean.TRUE.equals(monolith) && modules != null && !modules.isEmpty()) {
            nodes.mistake(keys.get("modules"), name + ": the monolith holds every module not listed elsewhere; "
                    + "remove its modules list");
        }
        if (Boolean.FALSE.equals(monolith) && modules != null && modules.isEmpty()) {
            nodes.mistake(node, name + ": an extracted service needs modules: [<module>, ...] (or monolith: true)");
        }
        OwnDatabase database = ownDatabase(keys.get("database"), name, monolith, traffic);
        List<Integer> moduleLines = modules != null && keys.has("modules") ? TopologyNodes.itemLines(keys.get("modules"))
                : List.of();
        ServiceOutline outline = new ServiceOutline(name, TopologyNodes.line(node), monolith,
                modules == null ? List.of() : modules, moduleLines);
        if (mistakes.count() > before) {
            return new Read(null, outline);
        }
        return new Read(new ServiceSpec(name, monolith, modules, sizing, count, autoscaling, traffic,
                TopologyNodes.line(node), database, moduleLines), outline);
    }

    /** The Fargate size; checked only when both its numbers are known. */
    private Sizing sizing(Node node, TopologyNodes.Keys keys, String name) {
        Integer cpu = integer(keys, "cpu", name + ".cpu", Sizing.DEFAULT.cpu());
        Integer memory = integer(keys, "memory", name + ".memory", Sizing.DEFAULT.memory());
        if (cpu == null || memory == null) {
            return null;
        }
        Sizing sizing = new Sizing(cpu, memory);
        String problem = sizing.problem();
        if (problem != null) {
            nodes.mistake(keys.values().getOrDefault("cpu", keys.values().getOrDefault("memory", node)),
                    name + ": " + problem);
        }
        return sizing;
    }

    /** The traffic share; {@code monolith} {@code null} (not known) skips the check that it is not the monolith's. */
    private Integer traffic(TopologyNodes.Keys keys, String name, Boolean monolith) {
        if (!keys.has("traffic")) {
            return keys.misspelt("traffic") ? null : 100;
        }
        if (Boolean.TRUE.equals(monolith)) {
            nodes.mistake(keys.get("traffic"), name + ": the monolith takes whatever traffic the other services "
                    + "leave; set traffic on the extracted services");
            return null;
        }
        Integer traffic = nodes.integer(keys.get("traffic"), name + ".traffic");
        if (traffic != null && (traffic < 0 || traffic > 100)) {
            nodes.mistake(keys.get("traffic"), name + ": traffic is a share from 0 to 100, not " + traffic);
            return null;
        }
        return traffic;
    }

    /** {@code monolith} or {@code traffic} {@code null} (not known) skips the check that needs it. */
    private OwnDatabase ownDatabase(Node node, String service, Boolean monolith, Integer traffic) {
        if (node == null) {
            return null;
        }
        if (Boolean.TRUE.equals(monolith)) {
            nodes.mistake(node, service + ": the monolith's modules use the shared database; give database: to an"
                    + " extracted service");
            return null; // its settings do not matter: it goes
        }
        if (traffic != null && traffic != 100) {
            nodes.mistake(node, service + ": a database of its own needs traffic: 100 (a module's data lives in one"
                    + " database, and during a canary the monolith writes it too); drop database: until the service"
                    + " takes all its modules' traffic");
        }
        TopologyNodes.Keys keys = nodes.mapping(node, service + ".database", OWN_DATABASE_KEYS);
        if (keys == null) {
            return null;
        }
        String instance = keys.has("instance") ? nodes.scalar(keys.get("instance"), service + ".database.instance")
                : OwnDatabase.DEFAULT.instanceClass();
        Integer storage = keys.has("storage") ? nodes.integer(keys.get("storage"), service + ".database.storage")
                : Integer.valueOf(OwnDatabase.DEFAULT.storageGiB());
        // Each checked with the other's default, so that a wrong class and a wrong size are both reported.
        if (instance != null) {
            problem(keys.get("instance"), service, new OwnDatabase(instance, OwnDatabase.DEFAULT.storageGiB()));
        }
        if (storage != null) {
            problem(keys.get("storage"), service, new OwnDatabase(OwnDatabase.DEFAULT.instanceClass(), storage));
        }
        return instance == null || storage == null ? null : new OwnDatabase(instance, storage);
    }

    private void problem(Node node, String service, OwnDatabase database) {
        String problem = database.problem();
        if (problem != null) {
            nodes.mistake(node, service + ": " + problem);
        }
    }

    /** {@code count} {@code null} (not known) skips the bounds around it; the cpu target is checked anyway. */
    private Autoscaling autoscaling(Node node, String service, Integer count) {
        if (node == null) {
            return count == null ? null : new Autoscaling(count, count * 2, 60);
        }
        TopologyNodes.Keys keys = nodes.mapping(node, service + ".autoscaling", AUTOSCALING_KEYS);
        if (keys == null) {
            return null;
        }
        Integer min = integer(keys, "min", service + ".autoscaling.min", count);
        Integer max = integer(keys, "max", service + ".autoscaling.max",
                min == null || count == null ? null : Math.max(min, count) * 2);
        Integer target = integer(keys, "cpu-target", service + ".autoscaling.cpu-target", 60);
        if (min != null && max != null && count != null && (min < 1 || min > count || count > max)) {
            nodes.mistake(node, service + ": autoscaling needs 1 <= min <= count <= max; here min " + min + ", count "
                    + count + ", max " + max);
        }
        if (target != null && (target < 10 || target > 90)) {
            nodes.mistake(keys.get("cpu-target"), service + ": autoscaling cpu-target is a percentage from 10 to 90");
        }
        return min == null || max == null || target == null ? null : new Autoscaling(min, max, target);
    }

    /** The key's number; {@code otherwise} when it is not written, {@code null} when wrong or misspelt. */
    private Integer integer(TopologyNodes.Keys keys, String key, String what, Integer otherwise) {
        if (keys.has(key)) {
            return nodes.integer(keys.get(key), what);
        }
        return keys.misspelt(key) ? null : otherwise;
    }

    /** The key's boolean; {@code otherwise} when it is not written, {@code null} when wrong or misspelt. */
    private Boolean bool(TopologyNodes.Keys keys, String key, String what, boolean otherwise) {
        if (keys.has(key)) {
            return nodes.bool(keys.get(key), what);
        }
        return keys.misspelt(key) ? null : otherwise;
    }
}
