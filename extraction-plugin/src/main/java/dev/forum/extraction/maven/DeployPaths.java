package dev.forum.extraction.maven;

import java.nio.file.Path;

/**
 * The paths of the build that deploy.sh names, as it names them: relative, '/'-separated, {@code .} for the folder
 * itself, so that the rendered deployment runs from any checkout of the project and a build on Windows writes the
 * same script (its backslashes would break it). In: the build's folders, absolute or as Maven gives them. Out: the
 * four paths {@link dev.forum.extraction.ecs.EcsSettings} takes; no errors of its own.
 *
 * @param projectRoot       the project's root directory, relative to the rendered folder
 * @param mavenModule       the Maven module that builds the service images, relative to the root
 * @param servicesDirectory where that module writes {@code <service>/<service>-image.tar}, relative to the root
 * @param topologyFile      the topology file rendered, relative to the root
 */
record DeployPaths(String projectRoot, String mavenModule, String servicesDirectory, String topologyFile) {

    /**
     * @param out          the folder the ecs goal renders into
     * @param root         the project's root directory ({@link TopologyLocation#root})
     * @param basedir      the Maven module's folder
     * @param services     the folder the service goal writes the images to
     * @param topologyFile the topology file rendered
     */
    static DeployPaths of(Path out, Path root, Path basedir, Path services, Path topologyFile) {
        return new DeployPaths(slashes(out.toAbsolutePath().relativize(root.toAbsolutePath())),
                slashes(root.relativize(basedir.toAbsolutePath().normalize())),
                slashes(root.relativize(services.toAbsolutePath().normalize())),
                slashes(root.toAbsolutePath().relativize(topologyFile.toAbsolutePath().normalize())));
    }

    /** A relative path as deploy.sh names it: '/'-separated, {@code .} when empty (the folder itself). */
    static String slashes(Path path) {
        String text = path.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
