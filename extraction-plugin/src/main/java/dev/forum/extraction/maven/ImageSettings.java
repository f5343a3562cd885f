package dev.forum.extraction.maven;

import dev.forum.extraction.image.ContainerSettings;
import dev.forum.extraction.image.ImageBase;
import dev.forum.extraction.image.ImageFiles;
import dev.forum.extraction.image.ImageTarget;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The image settings of one build of the service goal, each checked before anything is written.
 *
 * @param base      the base image
 * @param files     the files every image gets (path in the image to file)
 * @param container the port and health labels
 * @param targets   each service's image target
 */
record ImageSettings(ImageBase base, Map<String, Path> files, ContainerSettings container, Map<String, ImageTarget> targets) {

    /** The {@code extract.image.*} settings as given (null when unset; {@code port} as typed, checked here). */
    record Requested(String base, String name, String registry, boolean docker, Path files, String port, String liveness,
            String readiness) {
    }

    /**
     * @param services the services to build
     * @param folder   each service's folder
     * @param version  the project's version, the default tag
     * @param requested the settings
     * @param classes  the application's classes folder (its {@code application.properties})
     * @param actuator whether the service jars hold Spring Boot Actuator ({@link RuntimeLibraries#actuator})
     * @param servlet  whether Spring Boot 4 deduces a servlet application from the run-time class path
     *                 ({@link WebStack}; {@link ContainerSettings#of})
     * @param mainClass the application's main class, whose package names the health labels
     * @throws ExtractionException one line per wrong setting, all in one run: each setting is checked whatever the others
     *                             are (a bad {@code extract.image.port} does not hide a missing base tar), except that a
     *                             base that cannot be parsed is not also looked for (a missing tar, a registry host
     *                             that does not resolve)
     */
    static ImageSettings of(List<String> services, Function<String, Path> folder, String version, Requested requested,
            Path classes, boolean actuator, boolean servlet, String mainClass) {
        Set<String> mistakes = new LinkedHashSet<>();
        ImageBase base = checked(mistakes, () -> ImageBase.parse(requested.base()));
        if (services.size() > 1 && (isSet(requested.name()) || isSet(requested.registry()))) {
            mistakes.add("extract.image.name / extract.image.registry name one image, but " + services.size()
                    + " services are extracted: extract one service per build when you name its image");
        }
        Map<String, ImageTarget> targets = new TreeMap<>();
        for (String service : services) {
            ImageTarget target = checked(mistakes, () -> ImageTarget.of(service, folder.apply(service), version,
                    requested.name(), requested.registry(), requested.docker()));
            targets.put(service, target);
        }
        Map<String, Path> files = checked(mistakes, () -> ImageFiles.of(requested.files()));
        Integer port = isSet(requested.port()) ? checked(mistakes, () -> NumberSettings.port(requested.port(), "extract.image.port"))
                : null;
        boolean portRefused = port == null && isSet(requested.port());
        // A refused port is already a line: the health settings are checked all the same, beside a stand-in port.
        ContainerSettings container = checked(mistakes, () -> ContainerSettings.of(portRefused ? Integer.valueOf(1) : port,
                requested.liveness(), requested.readiness(), classes, actuator, servlet, mainClass));
        if (base != null) {
            checked(mistakes, () -> {
                base.check();
                return base;
            });
        }
        if (!mistakes.isEmpty()) {
            List<String> lines = List.copyOf(mistakes);
            throw new ExtractionException(lines, lines.size() == 1 ? null : lines.size() + " mistakes in the image settings"
                    + " (-Dextract.image.*), one per [extract] line above: fix each, or set -Dextract.image=false to build"
                    + " no image");
        }
        return new ImageSettings(base, files, container, targets);
    }

    /** What {@code check} gives, or null with its refusal's lines added to {@code mistakes}. */
    private static <T> T checked(Set<String> mistakes, Supplier<T> check) {
        try {
            return check.get();
        } catch (ExtractionException refusal) {
            mistakes.addAll(refusal.lines());
            return null;
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
