package forum.system.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe of the system tests' programs against fakes: shell scripts placed first on the search path that
 * behave like a broken, hanging or working podman or registry. Each failure is one line naming the program,
 * what failed and the fix, found within the probe's bound.
 */
class ToolProbeUnitTest {

    private static final Duration WITHIN = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    private Path fakes;
    private Path jdk;
    private Path conf;

    @BeforeEach
    void fakes() throws IOException {
        fakes = Files.createDirectories(dir.resolve("bin"));
        jdk = dir.resolve("jdk");
        script(Files.createDirectories(jdk.resolve("bin")).resolve("jlink"), "exit 0");
        conf = Files.writeString(dir.resolve("containers.conf"), "[engine]\nruntime = \"runc\"\n");
    }

    @Test
    void a_podman_whose_runtime_refuses_the_ulimits_is_unusable_and_the_line_names_the_setting() throws IOException {
        script(fakes.resolve("podman"), """
                [ "$1" = --version ] && { echo "podman version 4.3.1"; exit 0; }
                echo 'Error: runc: runc create failed: unable to start container process: error during container init: \
                error setting rlimits for ready process: error setting rlimit type 7: operation not permitted: OCI permission denied' >&2
                exit 126""");

        long start = System.nanoTime();
        String reason = probe().unavailableReason("podman");

        assertOneLine(reason);
        assertTrue(reason.startsWith("podman is installed but cannot run a container with CONTAINERS_CONF=" + conf), reason);
        assertTrue(reason.contains("error setting rlimit type 7"), reason);
        assertTrue(reason.contains("lower default_ulimits in deploy/podman/containers.conf"), reason);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "found in seconds");
    }

    @Test
    void a_podman_that_runs_the_probe_container_is_usable_and_always_gets_our_settings() throws IOException {
        Path calls = dir.resolve("calls");
        script(fakes.resolve("podman"), "echo \"CONTAINERS_CONF=$CONTAINERS_CONF $*\" >> " + calls + "\nexit 0");

        assertNull(probe().unavailableReason("podman"));

        List<String> lines = Files.readAllLines(calls);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("CONTAINERS_CONF=" + conf + " --version", lines.get(0));
        assertTrue(lines.get(1).matches("CONTAINERS_CONF=" + conf + " run --rm --publish 127\\.0\\.0\\.1:\\d+:3000 --rootfs \\S+ /true"),
                lines.get(1));
        Path rootfs = Path.of(lines.get(1).replaceFirst(".* --rootfs (\\S+) .*", "$1"));
        assertTrue(Files.isExecutable(rootfs.resolve("true")), "the container's root holds /true");
        try (var files = Files.walk(rootfs)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().startsWith("libc.so")), "and the libc it loads");
        }
    }

    @Test
    void a_podman_that_hangs_is_stopped_at_the_bound_and_reported() throws IOException {
        script(fakes.resolve("podman"), "[ \"$1\" = --version ] && exit 0\nexec sleep 60");

        long start = System.nanoTime();
        String reason = probe().unavailableReason("podman");

        assertOneLine(reason);
        assertTrue(reason.contains("did not end within 3 s and was stopped"), reason);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "stopped at the bound");
    }

    @Test
    void a_program_that_does_not_run_at_all_is_reported_with_its_reinstall() throws IOException {
        script(fakes.resolve("skopeo"), "echo 'skopeo: error while loading shared libraries: libgpgme.so.11' >&2\nexit 127");

        String reason = probe().unavailableReason("skopeo");

        assertOneLine(reason);
        assertEquals("skopeo is installed (" + fakes.resolve("skopeo") + ") but `skopeo --version` exited with 127 (log "
                + dir.resolve("work/logs/probe-skopeo-version.log") + "): reinstall it (`apt-get install --reinstall skopeo`)", reason);
    }

    @Test
    void a_registry_that_exits_at_once_does_not_start() throws IOException {
        script(fakes.resolve("docker-registry"), "[ \"$1\" = --version ] && exit 0\necho 'panic: listen tcp: bind: permission denied'\nexit 2");

        String reason = probe().unavailableReason("docker-registry");

        assertOneLine(reason);
        assertTrue(reason.startsWith("docker-registry is installed (" + fakes.resolve("docker-registry")
                + ") but does not start a registry on 127.0.0.1 (docker-registry exited with 2: panic: listen tcp"), reason);
        assertTrue(reason.contains("answers GET /v2/"), reason);
    }

    @Test
    void missing_programs_are_named_with_the_packages_to_install() {
        ToolProbe nothing = new ToolProbe(List.of(fakes), jdk, conf, dir.resolve("work"), WITHIN);

        assertEquals("missing podman, runc: install them with `apt-get install docker-registry skopeo umoci podman runc`"
                + " (DEVELOPERS.md, \"Tools\")", nothing.unavailableReason("podman", "runc"));
    }

    @Test
    void podman_without_the_projects_settings_file_is_not_probed_with_others() throws IOException {
        script(fakes.resolve("podman"), "exit 0");
        ToolProbe probe = new ToolProbe(List.of(fakes, Path.of("/usr/bin"), Path.of("/bin")), jdk, dir.resolve("absent.conf"),
                dir.resolve("work"), WITHIN);

        assertEquals("podman's settings " + dir.resolve("absent.conf") + " are missing: restore deploy/podman/containers.conf"
                + " from the repository", probe.unavailableReason("podman"));
    }

    @Test
    void an_unusable_tool_skips_the_tests_or_where_they_are_required_fails_them_with_the_same_line() {
        ConditionEvaluationResult skipped = EnabledIfSystemTools.Condition.decide("podman is broken: fix it", false);
        assertTrue(skipped.isDisabled());
        assertEquals("Skipped: podman is broken: fix it", skipped.getReason().orElseThrow());

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> EnabledIfSystemTools.Condition.decide("podman is broken: fix it", true));
        assertEquals("FORUM_REQUIRE_SYSTEM_TOOLS is set but podman is broken: fix it", failed.getMessage());

        assertFalse(EnabledIfSystemTools.Condition.decide(null, true).isDisabled());
    }

    private ToolProbe probe() {
        // The fakes first; the host's own `true` and `ldd` (for the probe container's root) after them.
        return new ToolProbe(List.of(fakes, Path.of("/usr/bin"), Path.of("/bin")), jdk, conf, dir.resolve("work"), WITHIN);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void assertOneLine(String reason) {
        assertTrue(reason != null && !reason.isBlank() && reason.lines().count() == 1, "one line: " + reason);
    }
}
