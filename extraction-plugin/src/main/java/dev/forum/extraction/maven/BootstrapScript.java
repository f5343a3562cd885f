package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.maven.project.MavenProject;

/**
 * The ecs goal's database bootstrap script ({@value #PROPERTY}): the script that builds the image deploy.sh runs once
 * per deployment to create each module's database roles and schema. In: the setting as given. Out: the script's path
 * as deploy.sh names it, or null for no bootstrap task. The plugin assumes no script of the forum's; where the rule
 * comes from: the root README, "Deploying to ECS".
 */
final class BootstrapScript {

    /** The property that names the database bootstrap image's script. */
    static final String PROPERTY = "extract.ecs.databaseBootstrapImage";

    private BootstrapScript() {
    }

    /**
     * The database bootstrap image's script, relative to the project's root (as deploy.sh runs it), or null for no
     * bootstrap task. Unset, that is said in one line naming the setting that gives one: {@code info} where the
     * application has one datasource, {@code warn} with {@code moduleDatabases} (the tasks log in with each module's
     * roles, which only the bootstrap creates). Set, it must be a file.
     *
     * @param setting the {@code databaseBootstrapImage} setting, or null
     * @throws ExtractionException (one line) for a path that is no file, naming it and the folder a relative one is
     *                             taken from
     */
    static String of(String setting, boolean moduleDatabases, MavenProject project, Consumer<String> info,
            Consumer<String> warn) {
        if (setting == null || setting.isBlank()) {
            String none = "[extract] ecs: no database bootstrap task rendered (no " + PROPERTY + "): to have one"
                    + " make each module's database roles and schema on every deployment, set -D" + PROPERTY
                    + "=<script> (or <databaseBootstrapImage> in the plugin's configuration) to the script that builds its image"
                    + " (the root README, \"Deploying to ECS\")";
            if (moduleDatabases) {
                warn.accept(none + "; with moduleDatabases the tasks log in with those roles, which nothing else creates");
            } else {
                info.accept(none);
            }
            return null;
        }
        Path root = TopologyLocation.root(project);
        Path file = TopologyLocation.resolve(setting.trim(), project);
        if (!Files.isRegularFile(file)) {
            throw new ExtractionException(PROPERTY + "=" + setting.trim() + " names no file: nothing at " + file
                    + (Path.of(setting.trim()).isAbsolute() ? "" : " (a relative path is taken from " + root + ")")
                    + ": point it at the script that builds the database bootstrap image, or leave it out for no bootstrap task");
        }
        return DeployPaths.slashes(root.toAbsolutePath().relativize(file.toAbsolutePath().normalize()));
    }
}
