package dev.forum.extraction.maven;

import dev.forum.extraction.image.ContainerSettings;
import dev.forum.extraction.image.ImageBase;
import dev.forum.extraction.image.ImageFiles;
import dev.forum.extraction.image.ImageTarget;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The image settings of one build of the service goal, each checked before anything is written.
 *
 * @param base      the base image
 * @param files     the files every image gets (path in the image to file)
 * @param container the port and health labels
 * @param targets   each service's image target
 */
record ImageSettings(ImageBase base, Map<String, Path> files, ContainerSettings container, Map<String, ImageTarget> targets) {

    /** The {@code extract.image.*} settings as given (null when unset). */
    record Requested(String base, String name, String registry, boolean docker, Path files, Integer port, String liveness,
            String readiness) {
    }

    /**
     * @param services the services to build
     * @param folder   each service's folder
     * @param version  the project's version, the default tag
     * @param requested the settings
     * @param classes  the application's classes folder (its {@code application.properties})
     * @param actuator whether spring-boot-actuator is on the application's class path
     * @param mainClass the application's main class, whose package names the health labels
     * @throws ExtractionException (one line) for the first setting that is wrong, or a base that cannot be had (a
     *                             missing tar, a registry host that does not resolve)
     */
    static ImageSettings of(List<String> services, Function<String, Path> folder, String version, Requested requested,
            Path classes, boolean actuator, String mainClass) {
        ImageBase base = ImageBase.parse(requested.base());
        if (services.size() > 1 && (isSet(requested.name()) || isSet(requested.registry()))) {
            throw new ExtractionException("extract.image.name / extract.image.registry name one image, but " + services.size()
                    + " services are extracted: extract one service per build when you name its image");
        }
        Map<String, ImageTarget> targets = new TreeMap<>();
        for (String service : services) {
            targets.put(service, ImageTarget.of(service, folder.apply(service), version, requested.name(),
                    requested.registry(), requested.docker()));
        }
        Map<String, Path> files = ImageFiles.of(requested.files());
        ContainerSettings container = ContainerSettings.of(requested.port(), requested.liveness(), requested.readiness(),
                classes, actuator, mainClass);
        base.check();
        return new ImageSettings(base, files, container, targets);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
