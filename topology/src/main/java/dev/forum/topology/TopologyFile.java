package dev.forum.topology;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *     environment:             # variables of its own for its tasks (default: none): NAME: value, a NAME of letters,
 *       SPRING_MODULITH_EVENTS_JDBC_SCHEMA: posts   # digits and '_', none of EXTRACTION_TOPOLOGY_* (ServiceEnvironment)
 * </pre>
 *
 * Structure is checked here with the line of every mistake (read through {@link TopologyNodes}); module names and the
 * other checks across services by {@link CrossServiceChecks}, which may know the application's modules
 * ({@link TopologyCheck} gives both at once). In: the file, or YAML text and a name for it; out: its
 * {@link TopologySpec}, defaults filled in, or a {@link TopologyException} with every mistake found, each naming the source, the line and what to write instead ({@link TopologyMistakes}). A check that needs a value
 * which is itself wrong (or left out, while an unknown key looks like it) is skipped, not the rest of the file.
 */
public final class TopologyFile {

    private static final Set<String> TOP_KEYS = Set.of("name", "edge", "database", "services");
    private static final Set<String> EDGE_KEYS = Set.of("certificate-arn", "rate-limit");
    private static final Set<String> DATABASE_KEYS = Set.of("multi-az", "pool-size");

    private final String source;
    private final TopologyMistakes mistakes;
    private final TopologyNodes nodes;

    private TopologyFile(String source) {
        this.source = source;
        this.mistakes = new TopologyMistakes(source);
        this.nodes = new TopologyNodes(mistakes);
    }

    /**
     * The topology's name when the file has no {@code name:} and the reader knows no name of the application: a
     * generic one, nothing of any one application's (the forum's files all say {@code name: forum}).
     */
    public static final String DEFAULT_NAME = "app";

    /**
     * Reads and checks the file, named {@value #DEFAULT_NAME} unless it says.
     *
     * @param file the topology file
     * @return the topology as written, defaults filled in
     * @throws TopologyException as {@link #read(Path, String)}
     */
    public static TopologySpec read(Path file) {
        return read(file, DEFAULT_NAME);
    }

    /**
     * Reads and checks the file.
     *
     * @param file        the topology file
     * @param defaultName the topology's name when the file has no {@code name:} (e.g. derived from the application's
     *                    project), 1-20 lower-case letters, digits and '-', starting with a letter
     * @return the topology as written, defaults filled in
     * @throws TopologyException a missing, unreadable, empty or not valid YAML file (one line), or every mistake the
     *                           file holds ({@link #parse(String, String, String)})
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

    /**
     * Parses topology YAML, named {@value #DEFAULT_NAME} unless it says.
     *
     * @param yaml   the file's text
     * @param source names it in messages
     * @return the topology as written, defaults filled in
     * @throws TopologyException as {@link #parse(String, String, String)}
     */
    public static TopologySpec parse(String yaml, String source) {
        return parse(yaml, source, DEFAULT_NAME);
    }

    /**
     * Parses topology YAML and checks every part of it.
     *
     * @param yaml        the file's text
     * @param source      names it in messages
     * @param defaultName the topology's name when the YAML has no {@code name:}
     * @return the topology as written, defaults filled in
     * @throws TopologyException text that is empty or not valid YAML (one line), or else every mistake found, one line
     *                           each ({@code <source>:<line>: <what to fix>}), sorted by line: a mistake alone is the
     *                           message, several follow a line {@code <n> mistakes in <source>:}
     */
    public static TopologySpec parse(String yaml, String source, String defaultName) {
        return new TopologyFile(source).spec(yaml, defaultName);
    }

    private TopologySpec spec(String yaml, String defaultName) {
        Node root = compose(yaml);
        TopologyNodes.Keys top = nodes.mapping(root, "the file", TOP_KEYS);
        if (top == null) {
            mistakes.throwIfAny(); // not a mapping: nothing else to read
        }
        String name = top.has("name") ? nodes.name(top.get("name"), "name") : defaultName;
        List<ServiceReader.Read> read = services(root, top);
        List<ServiceSpec> services = read.stream().map(ServiceReader.Read::spec).toList();
        EdgeSpec edge = edge(top.get("edge"));
        DatabaseSpec database = database(top.get("database"));
        // The services read right, for the checks that need them (ECS's own) in the same build; and the readable parts
        // of every named service, for the checks across services (an unknown module, a module in two services).
        // Whether the file lacks a monolith is known when every service says whether it is one, even if one of them
        // holds another mistake or has no name: "no monolith" is then reported in the same build. A service without a
        // name that is the monolith has no outline to show it: the file has one then, so "no monolith" is not told.
        boolean monolithKnown = !read.isEmpty() && read.stream().allMatch(service -> service.monolith() != null
                && (service.outline() != null || !service.monolith()));
        mistakes.throwIfAny(new TopologySpec(source, name == null ? defaultName : name,
                services.stream().filter(java.util.Objects::nonNull).toList(), edge, database),
                read.stream().map(ServiceReader.Read::outline).filter(java.util.Objects::nonNull).toList(),
                monolithKnown);
        return new TopologySpec(source, name, services, edge, database);
    }

    /**
     * The topology name (a service's, a module's, the file's) closest to some text: lower case, each run of anything
     * but letters, digits and '-' one '-', what precedes the first letter left out, at most 20 characters, no '-' at the
     * end. {@code Shop_App} is {@code shop-app}.
     *
     * @param text any text, such as a name written wrong or a Maven artifactId
     * @return the name, or "" when the text has no letter to start one
     */
    public static String nameLike(String text) {
        String name = nameLikeUncut(text);
        return name.substring(0, Math.min(20, name.length())).replaceAll("-+$", "");
    }

    /** As {@link #nameLike}, not cut at 20 characters: longer than {@code nameLike}'s when that cut it short. */
    static String nameLikeUncut(String text) {
        return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
    }

    /**
     * SnakeYAML's problem in words a user can act on: a token it names bare at the end is quoted ({@code but got ':'},
     * not {@code but got :}), and where the construct it was reading began is said ({@code while parsing a flow
     * sequence that starts on line 6}), since an unclosed bracket is found only on a later line.
     */
    private static String yamlProblem(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem()).strip();
        if (problem.contains("\\t(TAB)")) { // SnakeYAML's own spelling of a tab character
            return "a tab character at column " + (e.getProblemMark().getColumn() + 1) + ": YAML indents with spaces"
                    + " only; replace the tab with spaces";
        }
        java.util.regex.Matcher bare = java.util.regex.Pattern.compile("(.*but (?:got|found) )(\\S+)$").matcher(problem);
        if (bare.matches() && !bare.group(2).startsWith("'") && !bare.group(2).startsWith("<")) {
            problem = bare.group(1) + "'" + bare.group(2) + "'";
        }
        if (e.getContext() != null && e.getContextMark() != null
                && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
            problem += " (" + e.getContext().strip() + " that starts on line " + (e.getContextMark().getLine() + 1) + ")";
        }
        return problem;
    }

    /** The composed YAML; text that is not YAML, or is empty, stops here with one line. */
    private Node compose(String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new TopologyException(source + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + yamlProblem(e));
        } catch (RuntimeException e) {
            throw new TopologyException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new TopologyException(source + ": the topology file is empty; it needs at least a services list "
                    + "with the monolith");
        }
        return root;
    }

    /** Every service, each checked on its own: a mistake in one leaves the others read. */
    private List<ServiceReader.Read> services(Node root, TopologyNodes.Keys top) {
        Node servicesNode = top.get("services");
        if (servicesNode == null) {
            if (!top.misspelt("services")) { // else its unknown key says it
                nodes.mistake(root, "no services: list the services, one of them with monolith: true");
            }
            return List.of();
        }
        if (!(servicesNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            nodes.mistake(servicesNode, "services must be a list of services, one of them with monolith: true");
            return List.of();
        }
        List<ServiceReader.Read> services = new ArrayList<>();
        for (Node node : sequence.getValue()) {
            services.add(new ServiceReader(nodes, mistakes).service(node));
        }
        return services;
    }

    private EdgeSpec edge(Node node) {
        if (node == null) {
            return EdgeSpec.DEFAULT;
        }
        TopologyNodes.Keys keys = nodes.mapping(node, "edge", EDGE_KEYS);
        if (keys == null) {
            return null;
        }
        Optional<String> certificate = Optional.empty();
        if (keys.has("certificate-arn")) {
            String arn = nodes.scalar(keys.get("certificate-arn"), "edge.certificate-arn");
            if (arn != null && !arn.matches(EdgeSpec.CERTIFICATE_ARN)) {
                nodes.mistake(keys.get("certificate-arn"), "edge.certificate-arn must be an ACM certificate ARN "
                        + "(arn:aws:acm:<region>:<account>:certificate/<id>), not '" + arn + "'");
            }
            certificate = Optional.ofNullable(arn);
        }
        Integer rateLimit = EdgeSpec.DEFAULT.rateLimit();
        if (keys.has("rate-limit")) {
            rateLimit = nodes.integer(keys.get("rate-limit"), "edge.rate-limit");
            if (rateLimit != null && rateLimit < EdgeSpec.MIN_RATE_LIMIT) {
                nodes.mistake(keys.get("rate-limit"), "edge.rate-limit is requests per client IP in 5 minutes, from "
                        + EdgeSpec.MIN_RATE_LIMIT + " to " + EdgeSpec.MAX_RATE_LIMIT + " (AWS WAF's bounds), not " + rateLimit);
            }
        }
        return rateLimit == null ? null : new EdgeSpec(certificate, rateLimit);
    }

    private DatabaseSpec database(Node node) {
        if (node == null) {
            return DatabaseSpec.DEFAULT;
        }
        TopologyNodes.Keys keys = nodes.mapping(node, "database", DATABASE_KEYS);
        if (keys == null) {
            return null;
        }
        Boolean multiAz = keys.has("multi-az") ? nodes.bool(keys.get("multi-az"), "database.multi-az")
                : Boolean.valueOf(DatabaseSpec.DEFAULT.multiAz());
        Integer poolSize = DatabaseSpec.DEFAULT.poolSize();
        if (keys.has("pool-size")) {
            poolSize = nodes.integer(keys.get("pool-size"), "database.pool-size");
            if (poolSize != null && (poolSize < 1 || poolSize > DatabaseSpec.MAX_POOL_SIZE)) {
                nodes.mistake(keys.get("pool-size"), "database.pool-size is connections per module per task, from 1 to "
                        + DatabaseSpec.MAX_POOL_SIZE + ", not " + poolSize);
            }
        }
        return multiAz == null || poolSize == null ? null : new DatabaseSpec(multiAz, poolSize,
                TopologyNodes.line(node));
    }
}
