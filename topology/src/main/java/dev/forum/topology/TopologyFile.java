package dev.forum.topology;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a topology file. The schema (every key is optional unless marked):
 *
 * <pre>
 * name: forum                  # prefix of every deployed resource (default: forum)
 * edge:
 *   certificate-arn: arn:aws:acm:...   # HTTPS on 443 (default: none; deploy.sh then needs --plain-http)
 *   rate-limit: 1000           # requests per client IP in 5 minutes before the firewall answers 429
 * database:
 *   multi-az: false            # a standby in the second availability zone
 *   pool-size: 5               # connections per module per task
 * services:                    # required; exactly one has monolith: true
 *   - name: monolith           # required; lower-case letters, digits, '-'
 *     monolith: true
 *     cpu: 512                 # Fargate CPU units (default 256)
 *     memory: 1024             # MiB, a valid Fargate size for the cpu (default 512)
 *     count: 2                 # tasks (default 2)
 *     autoscaling: { min: 2, max: 4, cpu-target: 60 }   # default: min = count, max = 2 x count, 60 %
 *   - name: posts
 *     modules: [posts]         # required for an extracted service
 *     traffic: 100             # share of its modules' routes it takes, 0-100 (default 100)
 *     database:                # a database of its own (default: its modules stay in the shared one); needs traffic: 100
 *       instance: db.t4g.micro # RDS instance class (default db.t4g.micro)
 *       storage: 20            # GiB (default 20)
 * </pre>
 *
 * Structure is checked here with the line of every mistake (read through {@link TopologyNodes}); module names are
 * checked by {@link Topology#resolve}, which knows the application's modules. In: the file, or YAML text and a name
 * for it; out: its {@link TopologySpec}, defaults filled in, or a {@link TopologyException} naming the source, the
 * line and what to write instead.
 */
public final class TopologyFile {

    private static final Set<String> TOP_KEYS = Set.of("name", "edge", "database", "services");
    private static final Set<String> EDGE_KEYS = Set.of("certificate-arn", "rate-limit");
    private static final Set<String> DATABASE_KEYS = Set.of("multi-az", "pool-size");
    private static final Set<String> SERVICE_KEYS =
            Set.of("name", "monolith", "modules", "cpu", "memory", "count", "autoscaling", "traffic", "database");
    private static final Set<String> OWN_DATABASE_KEYS = Set.of("instance", "storage");
    private static final Set<String> AUTOSCALING_KEYS = Set.of("min", "max", "cpu-target");

    private final String source;
    private final TopologyNodes nodes;

    private TopologyFile(String source) {
        this.source = source;
        this.nodes = new TopologyNodes(source);
    }

    /**
     * The topology's name when the file has no {@code name:} and the reader knows no name of the application: a
     * generic one, nothing of any one application's (the forum's files all say {@code name: forum}).
     */
    public static final String DEFAULT_NAME = "app";

    /** Reads and checks the file, named {@value #DEFAULT_NAME} unless it says; a missing or malformed file is a {@link TopologyException}. */
    public static TopologySpec read(Path file) {
        return read(file, DEFAULT_NAME);
    }

    /**
     * Reads and checks the file; a missing or malformed file is a {@link TopologyException}.
     *
     * @param defaultName the topology's name when the file has no {@code name:} (e.g. derived from the application's
     *                    project), 1-20 lower-case letters, digits and '-', starting with a letter
     */
    public static TopologySpec read(Path file, String defaultName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TopologyException(file + ": no topology file here; create one (see the README, \"Topology file\")");
        } catch (IOException e) {
            throw new TopologyException(file + ": cannot read the topology file: " + e.getMessage());
        }
        return parse(text, file.toString(), defaultName);
    }

    /** Parses topology YAML, named {@value #DEFAULT_NAME} unless it says; {@code source} names it in messages. */
    public static TopologySpec parse(String yaml, String source) {
        return parse(yaml, source, DEFAULT_NAME);
    }

    /**
     * Parses topology YAML; {@code source} names it in messages.
     *
     * @param defaultName the topology's name when the YAML has no {@code name:}
     */
    public static TopologySpec parse(String yaml, String source, String defaultName) {
        return new TopologyFile(source).spec(yaml, defaultName);
    }

    private TopologySpec spec(String yaml, String defaultName) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new TopologyException(source + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem());
        } catch (RuntimeException e) {
            throw new TopologyException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new TopologyException(source + ": the topology file is empty; it needs at least a services list "
                    + "with the monolith");
        }
        Map<String, Node> top = nodes.mapping(root, "the file", TOP_KEYS);
        String name = top.containsKey("name") ? nodes.name(top.get("name"), "name") : defaultName;
        Node servicesNode = top.get("services");
        if (servicesNode == null) {
            throw nodes.error(root, "no services: list the services, one of them with monolith: true");
        }
        if (!(servicesNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw nodes.error(servicesNode, "services must be a list of services, one of them with monolith: true");
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (Node node : sequence.getValue()) {
            services.add(service(node));
        }
        return new TopologySpec(source, name, services, edge(top.get("edge")), database(top.get("database")));
    }

    private EdgeSpec edge(Node node) {
        if (node == null) {
            return EdgeSpec.DEFAULT;
        }
        Map<String, Node> keys = nodes.mapping(node, "edge", EDGE_KEYS);
        java.util.Optional<String> certificate = java.util.Optional.empty();
        if (keys.containsKey("certificate-arn")) {
            String arn = nodes.scalar(keys.get("certificate-arn"), "edge.certificate-arn");
            if (!arn.matches(EdgeSpec.CERTIFICATE_ARN)) {
                throw nodes.error(keys.get("certificate-arn"), "edge.certificate-arn must be an ACM certificate ARN "
                        + "(arn:aws:acm:<region>:<account>:certificate/<id>), not '" + arn + "'");
            }
            certificate = java.util.Optional.of(arn);
        }
        int rateLimit = EdgeSpec.DEFAULT.rateLimit();
        if (keys.containsKey("rate-limit")) {
            rateLimit = nodes.integer(keys.get("rate-limit"), "edge.rate-limit");
            if (rateLimit < EdgeSpec.MIN_RATE_LIMIT) {
                throw nodes.error(keys.get("rate-limit"), "edge.rate-limit is requests per client IP in 5 minutes, from "
                        + EdgeSpec.MIN_RATE_LIMIT + " to " + EdgeSpec.MAX_RATE_LIMIT + " (AWS WAF's bounds), not " + rateLimit);
            }
        }
        return new EdgeSpec(certificate, rateLimit);
    }

    private DatabaseSpec database(Node node) {
        if (node == null) {
            return DatabaseSpec.DEFAULT;
        }
        Map<String, Node> keys = nodes.mapping(node, "database", DATABASE_KEYS);
        boolean multiAz = keys.containsKey("multi-az") ? nodes.bool(keys.get("multi-az"), "database.multi-az")
                : DatabaseSpec.DEFAULT.multiAz();
        int poolSize = DatabaseSpec.DEFAULT.poolSize();
        if (keys.containsKey("pool-size")) {
            poolSize = nodes.integer(keys.get("pool-size"), "database.pool-size");
            if (poolSize < 1 || poolSize > DatabaseSpec.MAX_POOL_SIZE) {
                throw nodes.error(keys.get("pool-size"), "database.pool-size is connections per module per task, from 1 to "
                        + DatabaseSpec.MAX_POOL_SIZE + ", not " + poolSize);
            }
        }
        return new DatabaseSpec(multiAz, poolSize);
    }

    private ServiceSpec service(Node node) {
        Map<String, Node> keys = nodes.mapping(node, "a service", SERVICE_KEYS);
        if (!keys.containsKey("name")) {
            throw nodes.error(node, "a service without a name: add name: <service>");
        }
        String name = nodes.name(keys.get("name"), "service name");
        boolean monolith = keys.containsKey("monolith") && nodes.bool(keys.get("monolith"), name + ".monolith");
        List<String> modules = keys.containsKey("modules") ? nodes.names(keys.get("modules"), name + ".modules") : List.of();
        List<Integer> moduleLines = keys.containsKey("modules") ? TopologyNodes.itemLines(keys.get("modules")) : List.of();
        int cpu = keys.containsKey("cpu") ? nodes.integer(keys.get("cpu"), name + ".cpu") : Sizing.DEFAULT.cpu();
        int memory = keys.containsKey("memory") ? nodes.integer(keys.get("memory"), name + ".memory") : Sizing.DEFAULT.memory();
        Sizing sizing = new Sizing(cpu, memory);
        String sizeProblem = sizing.problem();
        if (sizeProblem != null) {
            throw nodes.error(keys.getOrDefault("cpu", keys.getOrDefault("memory", node)), name + ": " + sizeProblem);
        }
        int count = keys.containsKey("count") ? nodes.integer(keys.get("count"), name + ".count") : 2;
        if (count < 1) {
            throw nodes.error(keys.get("count"), name + ": count must be at least 1");
        }
        Autoscaling autoscaling = autoscaling(keys.get("autoscaling"), name, count);
        int traffic = 100;
        if (keys.containsKey("traffic")) {
            if (monolith) {
                throw nodes.error(keys.get("traffic"), name + ": the monolith takes whatever traffic the other services "
                        + "leave; set traffic on the extracted services");
            }
            traffic = nodes.integer(keys.get("traffic"), name + ".traffic");
            if (traffic < 0 || traffic > 100) {
                throw nodes.error(keys.get("traffic"), name + ": traffic is a share from 0 to 100, not " + traffic);
            }
        }
        if (monolith && !modules.isEmpty()) {
            throw nodes.error(keys.get("modules"), name + ": the monolith holds every module not listed elsewhere; "
                    + "remove its modules list");
        }
        if (!monolith && modules.isEmpty()) {
            throw nodes.error(node, name + ": an extracted service needs modules: [<module>, ...] (or monolith: true)");
        }
        return new ServiceSpec(name, monolith, modules, sizing, count, autoscaling, traffic, TopologyNodes.line(node),
                ownDatabase(keys.get("database"), name, monolith, traffic), moduleLines);
    }

    private OwnDatabase ownDatabase(Node node, String service, boolean monolith, int traffic) {
        if (node == null) {
            return null;
        }
        if (monolith) {
            throw nodes.error(node, service + ": the monolith's modules use the shared database; give database: to an"
                    + " extracted service");
        }
        if (traffic != 100) {
            throw nodes.error(node, service + ": a database of its own needs traffic: 100 (a module's data lives in one"
                    + " database, and during a canary the monolith writes it too); drop database: until the service"
                    + " takes all its modules' traffic");
        }
        Map<String, Node> keys = nodes.mapping(node, service + ".database", OWN_DATABASE_KEYS);
        OwnDatabase database = new OwnDatabase(
                keys.containsKey("instance") ? nodes.scalar(keys.get("instance"), service + ".database.instance")
                        : OwnDatabase.DEFAULT.instanceClass(),
                keys.containsKey("storage") ? nodes.integer(keys.get("storage"), service + ".database.storage")
                        : OwnDatabase.DEFAULT.storageGiB());
        String problem = database.problem();
        if (problem != null) {
            throw nodes.error(keys.getOrDefault(problem.startsWith("database.storage") ? "storage" : "instance", node),
                    service + ": " + problem);
        }
        return database;
    }

    private Autoscaling autoscaling(Node node, String service, int count) {
        if (node == null) {
            return new Autoscaling(count, count * 2, 60);
        }
        Map<String, Node> keys = nodes.mapping(node, service + ".autoscaling", AUTOSCALING_KEYS);
        int min = keys.containsKey("min") ? nodes.integer(keys.get("min"), service + ".autoscaling.min") : count;
        int max = keys.containsKey("max") ? nodes.integer(keys.get("max"), service + ".autoscaling.max") : Math.max(min, count) * 2;
        int target = keys.containsKey("cpu-target")
                ? nodes.integer(keys.get("cpu-target"), service + ".autoscaling.cpu-target") : 60;
        if (min < 1 || min > count || count > max) {
            throw nodes.error(node, service + ": autoscaling needs 1 <= min <= count <= max; here min " + min + ", count "
                    + count + ", max " + max);
        }
        if (target < 10 || target > 90) {
            throw nodes.error(keys.get("cpu-target"), service + ": autoscaling cpu-target is a percentage from 10 to 90");
        }
        return new Autoscaling(min, max, target);
    }
}
