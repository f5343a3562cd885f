package forum.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Which paths below the health endpoint ({@code /actuator/health}) it has: a group ({@code liveness}), a component
 * ({@code db}; a composite's member, {@code db/primary}), or a group's member component ({@code readiness/db}), looked
 * up as Spring Boot's health endpoint looks them up, but from its groups and registries alone: no check runs. Its
 * route's pattern, {@code /actuator/health/{*path}}, matches every path below it, so Spring MVC took
 * {@code /actuator/health/liveness/x} for a route: {@code OPTIONS} listed its methods, {@code POST} was a 405, and only
 * the endpoint's {@code GET} found nothing there (a 404). {@link UnroutedRequests} asks this so that no route has
 * such a path, whatever the method.
 *
 * <p>As Spring Boot's {@code HealthEndpointSupport} has it: a group is also found by its additional path's segment
 * on the port that path is for ({@code group.<name>.additional-path=server:/healthz}: {@code /actuator/health/healthz}
 * where Actuator shares the application's port; {@code management:/ready}: {@code /actuator/health/ready} on
 * Actuator's own); a group's components, and any path below a component, are there only for a caller the group shows
 * its components to ({@code show-components}, else {@code show-details}: {@code never}, or {@code when-authorized}
 * and the request has no principal in the group's roles), so that their 404 tells no one that they exist; and a group
 * none of whose components is its member is not there (the endpoint's 404). The additional path itself
 * ({@code /healthz}) is a route of Spring Boot's own, with a pattern of that one path: nothing below it is one, so
 * Spring MVC answers it without this.
 */
final class HealthPaths {

    private final String endpoint;
    private final HealthEndpointGroups groups;
    private final HealthContributors contributors;

    private HealthPaths(String endpoint, HealthEndpointGroups groups, HealthContributors contributors) {
        this.endpoint = endpoint;
        this.groups = groups;
        this.contributors = contributors;
    }

    /**
     * @param application the application's context (the management context's parent, where Actuator has a port of its
     *                    own), whose health endpoint is read
     * @return the health endpoint's paths, or empty if it is not exposed on the web or the context has no registry
     */
    static Optional<HealthPaths> of(ApplicationContext application) {
        PathMappedEndpoints endpoints = application.getBeanProvider(PathMappedEndpoints.class).getIfAvailable();
        HealthEndpointGroups groups = application.getBeanProvider(HealthEndpointGroups.class).getIfAvailable();
        HealthContributorRegistry registry
                = application.getBeanProvider(HealthContributorRegistry.class).getIfAvailable();
        String endpoint = endpoints == null ? null : endpoints.getPath(HealthEndpoint.ID);
        if (endpoint == null || groups == null || registry == null) {
            return Optional.empty();
        }
        // The endpoint falls back to the reactive contributors, as HealthEndpoint is built with both registries.
        ReactiveHealthContributorRegistry reactive
                = application.getBeanProvider(ReactiveHealthContributorRegistry.class).getIfAvailable();
        HealthContributors contributors = reactive == null ? registry
                : HealthContributors.of(registry, reactive.asHealthContributors());
        return Optional.of(new HealthPaths(endpoint, groups, contributors));
    }

    /**
     * @param path a request path, decoded
     * @return true if it is below the endpoint's path ({@code /actuator/health/...})
     */
    boolean isBelow(String path) {
        return path != null && path.startsWith(endpoint + "/");
    }

    /**
     * @param path    a request path, decoded
     * @param request the request, whose principal tells whether a group shows its components to it (the forum's
     *                always do; a {@code TRACE}, answered before Spring Security, has none: as for an anonymous caller)
     *                and whose context tells the port (Actuator's own or the application's: which additional paths
     *                name groups); null for an anonymous request on the application's port
     * @return true if the path is below the endpoint's and names nothing the endpoint has there for this request
     *         ({@code /actuator/health/liveness/x}, {@code /actuator/health/liveness/db}, {@code /actuator/health/x});
     *         false for the paths it has and for every path not below it ({@code /actuator/health} itself)
     */
    boolean lacks(String path, HttpServletRequest request) {
        return isBelow(path) && !has(path.substring(endpoint.length() + 1).split("/", -1), namespaceOf(request),
                securityOf(request));
    }

    /** As Spring Boot's HealthEndpointSupport finds a group and a contributor, without asking it for its health. */
    private boolean has(String[] segments, WebServerNamespace namespace, SecurityContext security) {
        HealthEndpointGroup named = groupOf(segments[0], namespace);
        HealthEndpointGroup group = named == null ? groups.getPrimary() : named;
        String[] below = Arrays.copyOfRange(segments, named == null ? 0 : 1, segments.length);
        if (below.length == 0) {
            // The group itself, whatever it shows: there if one component is its member (else the endpoint's 404).
            return contributors.stream().anyMatch(entry -> hasMember(group, entry.name(), entry.contributor()));
        }
        if (!group.showComponents(security)) {
            return false;
        }
        HealthContributor contributor = contributors.getContributor(below[0]);
        for (int i = 1; i < below.length && contributor != null; i++) {
            contributor = contributor instanceof CompositeHealthContributor composite
                    ? composite.getContributor(below[i]) : null;
        }
        return contributor != null && hasMember(group, String.join("/", below), contributor);
    }

    /** A group by its name, else by its additional path on this port, as the endpoint's getGroup looks for it. */
    private HealthEndpointGroup groupOf(String segment, WebServerNamespace namespace) {
        HealthEndpointGroup named = groups.get(segment);
        return named != null ? named : groups.get(AdditionalHealthEndpointPath.of(namespace, segment));
    }

    /** A composite is there if one of its own is a member of the group (the endpoint answers 404 otherwise). */
    private static boolean hasMember(HealthEndpointGroup group, String name, HealthContributor contributor) {
        if (contributor instanceof CompositeHealthContributor composite) {
            return composite.stream()
                    .anyMatch(child -> hasMember(group, name + "/" + child.name(), child.contributor()));
        }
        return group.isMember(name);
    }

    /**
     * The port's namespace as Actuator's web mapping reads it for the endpoint: its server's ({@code management} on
     * Actuator's own port, {@code server} on the application's).
     */
    private static WebServerNamespace namespaceOf(HttpServletRequest request) {
        ApplicationContext context = request == null ? null
                : WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context == null ? WebServerNamespace.SERVER : WebServerNamespace.from(context);
    }

    /** What Actuator's own web mapping reads of the request: its principal and roles. */
    private static SecurityContext securityOf(HttpServletRequest request) {
        if (request == null) {
            return SecurityContext.NONE;
        }
        return new SecurityContext() {
            @Override
            public Principal getPrincipal() {
                return request.getUserPrincipal();
            }

            @Override
            public boolean isUserInRole(String role) {
                return request.isUserInRole(role);
            }
        };
    }
}
