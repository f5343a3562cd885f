package dev.forum.datamove.server;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run on this machine to administer PostgreSQL ({@code initdb}, {@code pg_ctl}, {@code psql},
 * {@code pg_lsclusters}, {@code runuser}, {@code kill}, ...), for {@link InitdbServer}, the local stand-in's databases
 * and the forum's PostgreSQL tests: one home for how they are run and how a failure is told.
 */
public final class LocalCommand {

    /** The longest a command may take once its output has ended. */
    private static final long TIMEOUT_SECONDS = 90;

    private LocalCommand() {
    }

    /**
     * Runs {@code command} from {@code /} (the {@code postgres} user, through {@code runuser}, may not be allowed into
     * the build's folders), its standard error joined to its output, and waits for it (90 s at most once its output
     * has ended; past that it is killed).
     *
     * @param command the program and its arguments; a {@code PGPASSWORD=...} among them (as {@code env} takes it) is
     *                never printed
     * @return its output, stripped
     * @throws IllegalStateException when it cannot be started ({@code ... could not run: ...}), exits with another
     *                               status than 0 or does not end in time ({@code ... failed: <its output>}), naming
     *                               the command without its password; or when the thread is interrupted
     */
    public static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(new File("/")).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(shown(command) + " failed: " + output.strip());
            }
            return output.strip();
        } catch (IOException e) {
            throw new IllegalStateException(shown(command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command as a failure names it: its words, a password among them replaced by {@code ...}. */
    private static String shown(List<String> command) {
        return String.join(" ", command).replaceAll("PGPASSWORD=\\S+", "PGPASSWORD=...");
    }
}
