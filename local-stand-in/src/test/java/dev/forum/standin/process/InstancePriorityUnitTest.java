package dev.forum.standin.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process started beside serving ones runs at a lower CPU priority until {@link Instance#servePriority()}, every
 * thread of it; one started alone keeps the usual priority. A shell script stands in for {@code java} (it starts a
 * second thread of execution as a child and waits). Linux as root (the stand-in's system tests run so).
 */
@Timeout(30)
class InstancePriorityUnitTest {

    @TempDir
    Path dir;

    @Test
    void startedBesideOthersItRunsAtNiceTenUntilGivenTheServingPriority() throws Exception {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")), "needs root");
        Instance beside = instance("beside");
        beside.start(fakeJava(), List.of(), dir.resolve("app.jar"), Set.of("posts"), Map.of(), true);
        try {
            // `nice` lowers its own priority a moment after it starts, then runs the script: wait for that moment
            // (as the stand-in does, which gives the priority back only once the process is ready).
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (niceness(beside.pid()) != Instance.STARTING_NICENESS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Instance.STARTING_NICENESS, niceness(beside.pid()));
            assertTrue(beside.servePriority());
            for (String task : tasks(beside.pid())) {
                assertEquals(0, niceness(beside.pid(), task), "thread " + task);
            }
            assertTrue(beside.servePriority(), "again: nothing to do");
        } finally {
            beside.stop(Duration.ofSeconds(2));
        }

        Instance alone = instance("alone");
        alone.start(fakeJava(), List.of(), dir.resolve("app.jar"), Set.of("posts"), Map.of());
        try {
            assertEquals(0, niceness(alone.pid()));
        } finally {
            alone.stop(Duration.ofSeconds(2));
        }
    }

    private Instance instance(String name) {
        return new Instance("posts", name, 1, 2, dir.resolve(name + ".log"));
    }

    private Path fakeJava() throws IOException {
        Path script = dir.resolve("java");
        if (!Files.exists(script)) {
            Files.writeString(script, "#!/bin/sh\nexec sleep 20\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return script;
    }

    private static List<String> tasks(long pid) throws IOException {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> task.getFileName().toString()).toList();
        }
    }

    private static int niceness(long pid) throws IOException {
        return niceness(pid, Long.toString(pid));
    }

    /** Field 19 of /proc/PID/task/TID/stat, after the command in parentheses. */
    private static int niceness(long pid, String task) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", task, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
