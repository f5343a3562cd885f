package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** A refusal as Maven shows it: one {@code [ERROR]} line each, and the build stops. */
final class Refusals {

    private Refusals() {
    }

    /** The failure to throw; with several refusals, each is logged as its own line first. */
    static MojoFailureException report(Log log, ExtractionException refusal) {
        if (refusal.lines().size() == 1) {
            return new MojoFailureException(refusal.lines().get(0));
        }
        refusal.lines().forEach(line -> log.error("[extract] " + line));
        // Each is on its own line above: the failure counts them rather than repeat one.
        if (refusal.summary() != null) {
            return new MojoFailureException(refusal.summary());
        }
        // Each line names its own way out: keeping two modules together is no way where a line says no split is possible.
        return new MojoFailureException(refusal.lines().size() + " dependencies keep the build from extracting, one per"
                + " [extract] line above: do what each line advises before the build can extract");
    }
}
