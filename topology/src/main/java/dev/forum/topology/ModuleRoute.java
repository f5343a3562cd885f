package dev.forum.topology;

import java.util.List;

/**
 * A module of the application and the route prefix its API contract declares (for example {@code posts} and
 * {@code /api/posts}). The load balancer's path patterns are derived from it, never written by hand.
 *
 * @param module the module's name: lower-case letters, digits and '-'
 * @param prefix its route prefix ({@code /api/posts}: no wildcard, no trailing '/'), or null when the load balancer
 *               needs none for it: the module serves no HTTP route, or it stays in the monolith (the default route).
 *               Whoever builds the list checks that every module an extracted service holds and that serves routes
 *               has one (the extraction plugin: {@code ModuleRoutes}).
 * @throws IllegalArgumentException for a name or prefix of another shape
 */
public record ModuleRoute(String module, String prefix) {

    public ModuleRoute {
        if (module == null || !module.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a module name is lower-case letters, digits and '-': " + module);
        }
        if (prefix != null && !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("module " + module + ": a route prefix looks like /api/" + module
                    + " (no wildcard, no trailing '/'), not " + prefix);
        }
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
