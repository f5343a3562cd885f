package dev.forum.extraction.maven;

import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.FunctionalRoutes;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code ecs} goal's warnings about a deployment it renders, in the order the goal logs them: what the tasks need and
 * the build does not give them ({@link TaskNeeds#warnings}), the services that may share Spring Modulith's event
 * publication table ({@link TaskNeeds#sharedPublications}), then, service by extracted service, its functional routes
 * ({@link FunctionalRoutes#warnings}) and the application-wide classes it would run without or take away
 * ({@link ApplicationWideModules#warnings}, asked as the service goal asks it for that service). Nothing is refused here.
 */
final class EcsWarnings {

    private EcsWarnings() {
    }

    /**
     * @param rendered        the topology being rendered (the refused services left in the monolith)
     * @param model           the application's modules
     * @param settings        the deployment's settings
     * @param runtime         the {@code groupId:artifactId} of every artifact the service jars hold
     *                        ({@link RuntimeLibraries#packed})
     * @param actuator        whether the service jars hold Spring Boot Actuator ({@link RuntimeLibraries#actuator})
     * @param moduleDatabases whether each module has database credentials of its own
     * @param imageFolder     the folder every service image gets, or null for none
     * @param registry        the application's event publication registry, read for {@link #profiles}
     * @return each warning line with the build's prefix ({@code [extract] }, a service's {@code [extract] ecs: }); empty
     *         when there is nothing to warn of
     */
    static List<String> of(Topology rendered, ModulithModel model, EcsSettings settings, Set<String> runtime,
            boolean actuator, boolean moduleDatabases, Path imageFolder, PublicationRegistry registry) {
        List<String> lines = new ArrayList<>();
        TaskNeeds.warnings(runtime, actuator, moduleDatabases, settings.healthCheckPath(), settings.managementPort(),
                settings.rdsCaBundle(), imageFolder).forEach(line -> lines.add("[extract] " + line));
        TaskNeeds.sharedPublications(rendered, model, registry).forEach(line -> lines.add("[extract] " + line));
        rendered.extracted().forEach(service -> Stream.concat(
                        FunctionalRoutes.warnings(model, service.name(), service.modules()).stream(),
                        ApplicationWideModules.warnings(model,
                                new ServiceRequest(service.name(), service.modules(), false, true)).stream())
                .forEach(line -> lines.add("[extract] ecs: " + line)));
        return lines;
    }

    /** The profiles the tasks run with ({@code extract.ecs.profile}, comma-separated, each stripped); empty for none. */
    static List<String> profiles(EcsSettings settings) {
        return settings.springProfile() == null ? List.of()
                : Stream.of(settings.springProfile().split(",")).map(String::strip).toList();
    }
}
