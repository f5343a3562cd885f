package dev.forum.standin.stand;

import java.io.PrintStream;
import java.util.Locale;

/** The stand-in's account of what it changed and what it waited for, one line each, with the time since start. */
public final class StepLog {

    private final PrintStream out;
    private final long start = System.nanoTime();

    public StepLog(PrintStream out) {
        this.out = out;
    }

    /** A step: what changes now. */
    public void step(String message) {
        line("==> " + message);
    }

    /** A detail of the current step: a change made or a health waited for. */
    public void info(String message) {
        line("    " + message);
    }

    private void line(String message) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[stand-in %6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
            out.flush();
        }
    }
}
