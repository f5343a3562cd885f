package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forum.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy.sh: valid bash, clean under shellcheck, and in the order that keeps every route served, shown by its
 * --dry-run (which prints every command and calls nothing).
 */
class DeployScriptTest {

    @TempDir
    Path dir;

    static List<Path> topologies() {
        return ForumTopologies.files().toList();
    }

    private Path write(Topology topology) throws IOException {
        Path ecs = dir.resolve("forum-app/target/ecs");
        for (Map.Entry<String, String> file : EcsRenderer.render(topology, ForumTopologies.settings()).entrySet()) {
            Path target = ecs.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return ecs.resolve("deploy.sh");
    }

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not end: " + String.join(" ", command));
        // A dry run quotes like printf %q (posts\\,threads); the assertions read it unquoted.
        return new Result(process.exitValue(), output.replace("\\", ""));
    }

    record Result(int exit, String output) {
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void isValidBashAndCleanUnderShellcheck(Path file) throws Exception {
        Path script = write(ForumTopologies.topology(file));
        Result syntax = run(dir, "bash", "-n", script.toString());
        assertEquals(0, syntax.exit(), syntax.output());
        boolean shellcheck = run(dir, "sh", "-c", "command -v shellcheck").exit() == 0;
        if (!shellcheck && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run shellcheck on deploy.sh: install it (Debian: apt-get install shellcheck)");
        }
        assumeTrue(shellcheck, "shellcheck is not installed: apt-get install shellcheck");
        Result check = run(dir, "shellcheck", "--severity=style", script.toString());
        assertEquals(0, check.exit(), check.output());
    }

    @Test
    void aCutoverDeploysInTheOrderThatKeepsEveryRouteServed() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-canary-10.yml")));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build");
        assertEquals(0, dry.exit(), dry.output());
        List<String> deploys = new ArrayList<>();
        for (String line : dry.output().split("\n")) {
            if (line.startsWith("+ aws cloudformation deploy ")) {
                String stack = line.replaceAll(".*--stack-name (\\S+).*", "$1");
                String overrides = line.replaceAll(".*--parameter-overrides ", "").replaceAll("ImageTag=\\S+ ?", "").trim();
                deploys.add(stack + " " + overrides);
            }
        }
        assertEquals(List.of(
                "forum-base DefaultRoute=monolith",
                "forum-posts Traffic=0",                             // stable and healthy before any weight moves
                "forum-monolith LocalModules=posts,threads,users",   // widen: can take every route
                "forum-posts Traffic=10",                            // routing: the topology's share
                "forum-monolith LocalModules=posts,threads,users"),  // narrow: posts stays local below 100 %
                deploys, dry.output());
        String output = dry.output();
        // Images go to ECR before any stack needs them, and the roles exist before any service starts.
        assertTrue(output.indexOf("skopeo copy") < output.indexOf("--stack-name forum-posts"), output);
        assertTrue(output.indexOf("aws ecs run-task") < output.indexOf("--stack-name forum-posts"), output);
        assertTrue(output.indexOf("--stack-name forum-base") < output.indexOf("aws ecs run-task"), output);
        assertTrue(output.contains("+ aws ecs wait tasks-stopped"), output);
        assertTrue(output.contains("--no-fail-on-empty-changeset"), output);
        assertTrue(output.contains("--capabilities CAPABILITY_NAMED_IAM"), output);
    }

    @Test
    void atOneHundredPercentTheMonolithNarrowsAfterTheWeightsMoved() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--image-tag", "v1");
        assertEquals(0, dry.exit(), dry.output());
        String output = dry.output();
        int widen = output.indexOf("LocalModules=posts,threads,users");
        int routing = output.indexOf("Traffic=100");
        int narrow = output.indexOf("LocalModules=threads,users");
        assertTrue(widen > 0 && widen < routing && routing < narrow, output);
        assertTrue(output.contains("docker://<RepositoryPostsUri of forum-base>:v1"), output);
    }

    @Test
    void withoutAMonolithNothingWidensAndTheDefaultRouteIsA404() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/all-extracted.yml")));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--no-db-bootstrap");
        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.output().contains("--parameter-overrides DefaultRoute=not-found"), dry.output());
        assertTrue(!dry.output().contains("LocalModules=") && !dry.output().contains("run-task"), dry.output());
        assertTrue(dry.output().contains("forum-users") && dry.output().contains("forum-threads"), dry.output());
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("topology.yml")));
        Result wrong = run(dir, "bash", script.toString(), "--dryrun");
        assertEquals(1, wrong.exit(), wrong.output());
        assertTrue(wrong.output().contains("deploy.sh: unknown option '--dryrun'"), wrong.output());
        assertTrue(wrong.output().contains("--dry-run"), wrong.output());
    }
}
