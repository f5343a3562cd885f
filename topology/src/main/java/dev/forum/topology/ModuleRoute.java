package dev.forum.topology;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A module of the application and the route prefix its API contract declares (for example {@code posts} and
 * {@code /api/posts}). The load balancer's path patterns are derived from it, never written by hand.
 *
 * @param module the module's name as Spring Modulith gives it ({@link #MODULE}): a package's simple name, the path of
 *               a nested module or of one deeper below a root ({@code catalog.covers}, {@code admin.reports}), or an
 *               {@code @ApplicationModule(id = ...)} of that shape. Only a name of {@link #NAME}'s shape can name a
 *               route or a deployed resource ({@link #resourceName}); whoever renders one for a module checks it (the
 *               extraction plugin refuses the others only where it renders them, so that a camelCase or dotted module
 *               can stay in the monolith)
 * @param prefix its route prefix, of {@link #PREFIX_SHAPE}'s shape ({@code /api/posts}, {@code /orders},
 *               {@code /api/v1/orders}), or null when the load balancer needs none for it: the module serves no HTTP
 *               route, or it stays in the monolith (the default route). Whoever builds the list checks that every
 *               module an extracted service holds and that serves routes has one (the extraction plugin:
 *               {@code ModuleRoutes}).
 * @throws IllegalArgumentException for a name or prefix of another shape, naming the module, the shape and the prefix
 */
public record ModuleRoute(String module, String prefix) {

    /** The shape of a name a route, a load balancer rule or a deployed resource can carry. */
    public static final String NAME = "[a-z][a-z0-9-]*";

    /**
     * The shape of a module name this project carries (in the module metadata's keys and lists, the report, the
     * run-time settings): one or more parts joined by '.', each a Java identifier that may also hold '-'. Spring
     * Modulith names a top-level module after its package's simple name ({@code catalog}), a nested module and an
     * explicitly annotated one deeper below a root after its package's path below the root ({@code catalog.covers}),
     * and a module with {@code @ApplicationModule(id = ...)} after that id (any text without {@code ::}); an id of
     * another shape (a space, ',', '@', '=') is refused.
     */
    public static final String MODULE = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}-]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}-]*)*";

    /** The most characters an ALB path pattern may hold (Elastic Load Balancing, "Path conditions"). */
    private static final int MAX_PATTERN = 128;

    /**
     * The shape of a route prefix, in words (the refusals say it). Nothing requires {@code /api}: the load balancer's
     * rule is the prefix and everything below it ({@link #patterns}), and the run time claims the same paths. A segment
     * holds only RFC 3986's unreserved characters, which an ALB path pattern and HAProxy's {@code path} take as
     * written and a request path carries unencoded; a {@code .} or {@code ..} segment would be a non-canonical path,
     * which the load balancer refuses before any module's rule ({@link CanonicalPath}); and an ALB path pattern holds
     * at most 128 characters, {@code prefix/*} included.
     */
    public static final String PREFIX_SHAPE = "one or more segments, each a '/' then ASCII letters, digits or - . _ ~ (such"
            + " as /orders or /api/v1/orders), none of them . or .., with no wildcard, {variable}, empty segment or"
            + " trailing '/', at most " + (MAX_PATTERN - 2) + " characters";

    public ModuleRoute {
        if (!moduleName(module)) {
            throw new IllegalArgumentException("module name '" + module + "' is not a package path (Java identifiers,"
                    + " which may hold '-', joined by '.'): give the module an @ApplicationModule(id = ...) of lower-case"
                    + " letters, digits and '-' on its package-info.java");
        }
        if (prefix != null && !resourceName(module)) {
            throw new IllegalArgumentException("module " + module + ": a module with a route prefix is named with"
                    + " lower-case letters, digits and '-'");
        }
        if (prefix != null && !routable(prefix)) {
            throw new IllegalArgumentException("module " + module + ": a route prefix is " + PREFIX_SHAPE + ", not '"
                    + prefix + "': give it one such as /api/" + module);
        }
    }

    /**
     * How a class-level path is read ({@link #fullPath}), in words, for a refusal that quotes a path written otherwise
     * ({@link #quoted}).
     */
    public static final String READING = "as Spring MVC maps a class-level path: with a leading '/', without one"
            + " trailing '/'";

    /**
     * Whether {@code prefix} has {@link #PREFIX_SHAPE}'s shape, so that the load balancer can route it: the check the
     * constructor makes, for a reader that refuses a prefix in its own words ({@link #quoted}).
     *
     * @param prefix a prefix as {@link #fullPath} reads it, not null
     */
    public static boolean routable(String prefix) {
        return prefix.matches("(/[A-Za-z0-9._~-]+)+") && prefix.length() + 2 <= MAX_PATTERN
                && CanonicalPath.violations(prefix).isEmpty();
    }

    /** Whether {@code module} has {@link #MODULE}'s shape, as the constructor requires; false for null. */
    public static boolean moduleName(String module) {
        return module != null && module.matches(MODULE);
    }

    /**
     * Whether {@code module} can name a route, a load balancer rule and the deployment's resources (a database role, a
     * secret): lower-case letters, digits and '-', starting with a letter ({@link #NAME}).
     */
    public static boolean resourceName(String module) {
        return module != null && module.matches(NAME);
    }

    /**
     * A class-level mapping's one path as the route prefix of what Spring MVC serves below it, the one normalisation
     * every reader of a module's prefix uses (the extraction plugin from the bytecode, the local stand-in by reflection).
     * It mirrors Spring: a mapping whose one path has no text maps no path ({@code PathPatternsRequestCondition}:
     * {@code @HttpExchange(" ")} and {@code @RequestMapping(" ")} alike); a path without a leading '/' gets one
     * ({@code PathPatternParser.initFullPathPattern}: {@code api/orders} is {@code /api/orders}); and one trailing '/'
     * is dropped, as {@code PathPattern.combine} joins the method's path to the class's over one '/'
     * ({@code /api/orders/} and {@code /{id}} or {@code {id}} map {@code /api/orders/{id}}, a method without a path
     * maps {@code /api/orders/} itself): every route it serves is {@code /api/orders} or below it, which the load
     * balancer's rule for the prefix {@code /api/orders} takes ({@link #patterns}). Only one: {@code /api/orders//} serves
     * {@code /api/orders//{id}}, so its prefix {@code /api/orders/} keeps the empty segment the constructor refuses; and
     * {@code /} and {@code //}, with no segment before the '/', stay as written: they serve the root, which is no
     * prefix. Any other path is returned as written; its shape is the constructor's to check ({@link #PREFIX_SHAPE}).
     * A mapping with several paths: {@link #fullPaths}.
     *
     * @param path a class-level path as written in {@code @HttpExchange} or {@code @RequestMapping}, or null
     * @return the prefix of the paths Spring MVC serves, or null when {@code path} is null, empty or only white space
     *         (no prefix)
     */
    public static String fullPath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        return prefixOf(path);
    }

    /**
     * A class-level {@code @RequestMapping}'s paths as Spring MVC maps them ({@code PathPatternsRequestCondition}): one
     * path as {@link #fullPath} maps it (none when it has no text), while of several, each is completed with its
     * leading '/' (and loses one trailing '/', as {@link #fullPath}), a blank one included: {@code {"/api/orders", " "}}
     * maps {@code /api/orders} and {@code "/ "}, which no route prefix can be, and an empty one stays empty.
     *
     * @param paths the mapping's paths as written, none null
     * @return the prefixes of the paths Spring MVC serves, in order; empty when there are none or the one path has no
     *         text
     */
    public static List<String> fullPaths(List<String> paths) {
        if (paths.size() == 1) {
            String path = fullPath(paths.get(0));
            return path == null ? List.of() : List.of(path);
        }
        return paths.stream().map(path -> path.isEmpty() ? path : prefixOf(path)).toList();
    }

    /** A path with text: with its leading '/', and without one trailing '/' that follows a segment. */
    private static String prefixOf(String path) {
        String full = path.startsWith("/") ? path : "/" + path;
        return full.length() > 2 && full.endsWith("/") ? full.substring(0, full.length() - 1) : full;
    }

    /**
     * A prefix quoted for a refusal as the user wrote it: {@code '/api/orders'} when it was written so, else the paths
     * as written and how they were read, {@code 'api/orders//' (read as '/api/orders/', as Spring MVC maps ...)}
     * ({@link #READING}), so that the line names what is in the user's code.
     *
     * @param prefix  a prefix as {@link #fullPath} or {@link #fullPaths} read it
     * @param written the class-level paths, as written, that were read as {@code prefix} (any equal to it is left
     *                out)
     * @return the quoted prefix
     */
    public static String quoted(String prefix, Collection<String> written) {
        SortedSet<String> other = new TreeSet<>(written);
        other.remove(prefix);
        if (other.isEmpty()) {
            return "'" + prefix + "'";
        }
        return "'" + String.join("', '", other) + "' (read as '" + prefix + "', " + READING + ")";
    }

    /** A module without a route prefix: the load balancer sends it nothing of its own. */
    public static ModuleRoute unrouted(String module) {
        return new ModuleRoute(module, null);
    }

    /**
     * The prefix itself and everything below it: {@code /api/posts} and {@code /api/posts/*}. Never
     * {@code /api/posts*}, which would also take {@code /api/postsettings}. None without a prefix.
     */
    public List<PathPattern> patterns() {
        if (prefix == null) {
            return List.of();
        }
        return List.of(new PathPattern(prefix), new PathPattern(prefix + "/*"));
    }
}
