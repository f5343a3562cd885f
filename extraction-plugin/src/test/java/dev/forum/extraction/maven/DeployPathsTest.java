package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The paths deploy.sh names: relative, '/'-separated, '.' for the folder itself. */
class DeployPathsTest {

    @Test
    void eachPathIsRelativeAsDeployShNamesIt() {
        Path root = Path.of("/work/shop").toAbsolutePath();
        assertEquals(new DeployPaths("../../..", "app", "app/target/services", "topology.yml"),
                DeployPaths.of(root.resolve("app/target/ecs"), root, root.resolve("app"),
                        root.resolve("app/target/services"), root.resolve("topology.yml")));
    }

    @Test
    void theRootItselfIsADot() {
        Path root = Path.of("/work/shop").toAbsolutePath();
        // The topology file's path is normalised: deploy.sh names no "..".
        assertEquals(new DeployPaths("../..", ".", "target/services", "topology.yml"),
                DeployPaths.of(root.resolve("target/ecs"), root, root, root.resolve("target/services"),
                        root.resolve("deploy/../topology.yml")));
        assertEquals(".", DeployPaths.slashes(Path.of("")));
    }
}
