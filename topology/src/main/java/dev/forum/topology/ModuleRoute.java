package dev.forum.topology;

import java.util.List;

/**
 * A module of the application and the route prefix its API contract declares (for example {@code posts} and
 * {@code /api/posts}). The load balancer's path patterns are derived from it, never written by hand.
 *
 * @param module the module's name: its package's simple name (a Java identifier, or lower-case letters, digits and
 *               '-'). Only a name of {@link #NAME}'s shape can name a route or a deployed resource
 *               ({@link #resourceName}); whoever renders one for a module checks it (the extraction plugin refuses the
 *               others only where it renders them, so that a camelCase module can stay in the monolith)
 * @param prefix its route prefix ({@code /api/posts}: no wildcard, no trailing '/'), or null when the load balancer
 *               needs none for it: the module serves no HTTP route, or it stays in the monolith (the default route).
 *               Whoever builds the list checks that every module an extracted service holds and that serves routes
 *               has one (the extraction plugin: {@code ModuleRoutes}).
 * @throws IllegalArgumentException for a name or prefix of another shape
 */
public record ModuleRoute(String module, String prefix) {

    /** The shape of a name a route, a load balancer rule or a deployed resource can carry. */
    public static final String NAME = "[a-z][a-z0-9-]*";

    public ModuleRoute {
        if (module == null || !module.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}-]*")) {
            throw new IllegalArgumentException("a module name is a package's simple name: " + module);
        }
        if (prefix != null && !resourceName(module)) {
            throw new IllegalArgumentException("module " + module + ": a module with a route prefix is named with"
                    + " lower-case letters, digits and '-'");
        }
        if (prefix != null && !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("module " + module + ": a route prefix looks like /api/" + module
                    + " (no wildcard, no trailing '/'), not " + prefix);
        }
    }

    /**
     * Whether {@code module} can name a route, a load balancer rule and the deployment's resources (a database role, a
     * secret): lower-case letters, digits and '-', starting with a letter ({@link #NAME}).
     */
    public static boolean resourceName(String module) {
        return module != null && module.matches(NAME);
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
