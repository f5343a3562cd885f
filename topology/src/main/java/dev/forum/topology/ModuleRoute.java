package dev.forum.topology;

import java.util.List;

/**
 * A module of the application and the route prefix its API contract declares (for example {@code posts} and
 * {@code /api/posts}). The load balancer's path patterns are derived from it, never written by hand.
 */
public record ModuleRoute(String module, String prefix) {

    public ModuleRoute {
        if (module == null || !module.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a module name is lower-case letters, digits and '-': " + module);
        }
        if (prefix == null || !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("module " + module + ": a route prefix looks like /api/" + module
                    + " (no wildcard, no trailing '/'), not " + prefix);
        }
    }

    /**
     * The prefix itself and everything below it: {@code /api/posts} and {@code /api/posts/*}. Never
     * {@code /api/posts*}, which would also take {@code /api/postsettings}.
     */
    public List<PathPattern> patterns() {
        return List.of(new PathPattern(prefix), new PathPattern(prefix + "/*"));
    }
}
