package dev.forum.extraction.maven;

import dev.forum.extraction.image.ContainerSettings;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;

/**
 * The two ports of the ECS tasks, from the ecs goal's settings or, unset, from the application as the service image
 * reads it ({@link ContainerSettings}): so the task definition, the target groups and the image agree on the port
 * without a second reader of the application's files. The image is built without the goal's {@code springProfile}, so
 * neither is it read for these: the tasks set both ports ({@code SERVER_PORT}, {@code MANAGEMENT_SERVER_PORT}), which
 * win over a profile file's.
 *
 * @param application the port the application serves on ({@code SERVER_PORT}; the listener rules forward to it)
 * @param management  Actuator's own port ({@code MANAGEMENT_SERVER_PORT}; the target groups' health checks ask it)
 */
record EcsPorts(int application, int management) {

    /**
     * @param containerPort  {@code extract.ecs.containerPort} as given, or null (blank counts as unset): else the port
     *                       the image exposes by default, the application's {@code server.port}, else 8080
     * @param managementPort {@code extract.ecs.managementPort} as given, or null (blank counts as unset): else
     *                       {@link ContainerSettings#managementPort} (the application's {@code management.server.port}, else
     *                       the application port's next)
     * @param classes        the application's classes folder ({@code application.properties}, {@code application.yml});
     *                       null ahead of the ecs goal, where it may be missing or stale: an unset port then stands in
     *                       as one that differs from the other, so that only the settings given are checked (each is a
     *                       port, and the two differ) and the goal itself checks the application's
     * @return the two ports (whether they differ is checked by {@link dev.forum.extraction.ecs.EcsSettings})
     * @throws ExtractionException (one line) when a setting, or the application's {@code server.port}, is no port
     */
    static EcsPorts of(String containerPort, String managementPort, Path classes) {
        Integer set = NumberSettings.port(containerPort, "extract.ecs.containerPort");
        Integer management = NumberSettings.port(managementPort, "extract.ecs.managementPort");
        if (classes == null) {
            int application = set != null ? set : management != null && management == 1 ? 2 : 1;
            return new EcsPorts(application, management != null ? management : application == 1 ? 2 : 1);
        }
        int application = set != null ? set : ContainerSettings.applicationPort(classes, "extract.ecs.containerPort");
        return new EcsPorts(application, management != null ? management : ContainerSettings.managementPort(application, classes));
    }
}
