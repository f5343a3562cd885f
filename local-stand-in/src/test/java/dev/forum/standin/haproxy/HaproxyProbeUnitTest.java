package dev.forum.standin.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HaproxyProcess#unavailableReason(List)} against fake {@code haproxy} programs: one line naming the fix. */
class HaproxyProbeUnitTest {

    @TempDir
    Path dir;

    @Test
    void a_working_haproxy_of_a_recent_version_is_usable() throws IOException {
        fake("echo 'HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/'");
        assertNull(HaproxyProcess.unavailableReason(List.of(dir)));
    }

    @Test
    void a_haproxy_that_cannot_load_its_libraries_is_reported_with_the_reinstall() throws IOException {
        fake("echo 'haproxy: error while loading shared libraries: liblua5.3.so.0: cannot open shared object file' >&2; exit 127");
        assertEquals("HAProxy is installed (" + dir.resolve("haproxy") + ") but `haproxy -v` exited with 127 (haproxy: error while"
                + " loading shared libraries: liblua5.3.so.0: cannot open shared object file): reinstall it"
                + " (`apt-get install --reinstall haproxy`)", HaproxyProcess.unavailableReason(List.of(dir)));
    }

    @Test
    void a_haproxy_that_hangs_is_given_up_on_within_seconds() throws IOException {
        fake("exec sleep 60");
        long start = System.nanoTime();
        String reason = HaproxyProcess.unavailableReason(List.of(dir));
        assertEquals("HAProxy is installed (" + dir.resolve("haproxy") + ") but `haproxy -v` did not answer within 10 s:"
                + " reinstall it (`apt-get install --reinstall haproxy`)", reason);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }

    @Test
    void a_haproxy_too_old_for_the_configuration_is_named_with_the_version_needed() throws IOException {
        fake("echo 'HA-Proxy version 1.8.19 2019/02/11'; echo 'HAProxy version 2.0.33 2023/08/19'");
        assertEquals("HAProxy 2.0 (" + dir.resolve("haproxy") + ") is too old: the stand-in's configuration needs 2.2 or later"
                + " (Debian 12 has 2.6)", HaproxyProcess.unavailableReason(List.of(dir)));
    }

    @Test
    void a_missing_haproxy_names_the_package() {
        assertEquals("HAProxy is not installed: install it with `apt-get install haproxy`",
                HaproxyProcess.unavailableReason(List.of(dir)));
    }

    private void fake(String body) throws IOException {
        Path file = dir.resolve("haproxy");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
