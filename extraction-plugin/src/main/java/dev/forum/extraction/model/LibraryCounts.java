package dev.forum.extraction.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * How many of the application's run-time libraries one service holds and leaves out, the one count behind the
 * build's lines, {@code contents.txt} and the image's layers, so that they add up:
 * {@code resolved = included + excluded + notPacked} and {@code included = thirdParty + application}.
 *
 * @param resolved    the application's run-time libraries (compile, runtime and system scopes), as the build's
 *                    "resolve" line counts them; the application's own classes folder is none
 * @param included    those in the service's jar (its {@code BOOT-INF/lib}), whole or filtered
 * @param thirdParty  of those, the ones holding no application class (the image's {@code libs} layer)
 * @param application of those, the ones holding application classes (the image's {@code modules} layer)
 * @param filtered    of the included, those packed without the application classes the service leaves out
 * @param excluded    those left out because they hold only application classes the service does not run (other
 *                    modules' code)
 * @param notPacked   those Spring Boot's repackaging leaves out of any jar of the application (devtools, optional
 *                    or system-scoped dependencies, its configured excludes, annotation processors)
 */
public record LibraryCounts(int resolved, int included, int thirdParty, int application, int filtered, int excluded,
        int notPacked) {

    /**
     * @throws IllegalArgumentException when the parts do not add up to the whole
     */
    public LibraryCounts {
        if (resolved != included + excluded + notPacked || included != thirdParty + application || filtered > included) {
            throw new IllegalArgumentException("library counts that do not add up: " + resolved + " resolved, " + included
                    + " included (" + thirdParty + " third-party, " + application + " application, " + filtered
                    + " filtered), " + excluded + " excluded, " + notPacked + " not packed");
        }
    }

    /**
     * @param plan      the service's plan, made from the libraries Spring Boot packs and the classes folder
     * @param classes   the application's classes folder, which the plan lists among its artifacts but which is no library
     * @param notPacked the run-time libraries Spring Boot's repackaging leaves out (not in the plan), each with why
     * @return the counts of that service
     */
    public static LibraryCounts of(ServicePlan plan, Path classes, Map<String, String> notPacked) {
        int included = 0;
        int application = 0;
        for (ScannedArtifact artifact : plan.included().keySet()) {
            if (!artifact.location().equals(classes)) {
                included++;
                application += isApplication(artifact) ? 1 : 0;
            }
        }
        int filtered = (int) plan.filtered().stream().filter(a -> !a.location().equals(classes)).count();
        int excluded = (int) plan.excluded().keySet().stream().filter(a -> !a.location().equals(classes)).count();
        return new LibraryCounts(included + excluded + notPacked.size(), included, included - application, application,
                filtered, excluded, notPacked.size());
    }

    /** Whether an included library holds application classes: the image puts it into the {@code modules} layer. */
    public static boolean isApplication(ScannedArtifact artifact) {
        return !artifact.classes().isEmpty();
    }

    /**
     * The sum as the build logs it and {@code contents.txt} begins, e.g. {@code 126 runtime libraries = 118 included
     * (110 third-party, 8 with application classes, 1 of them filtered) + 4 excluded (other modules' code) + 4 not
     * packed (Spring Boot's repackaging leaves them out)}; parts that are 0 are left out, except {@code included}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder().append(resolved).append(resolved == 1 ? " runtime library = " : " runtime libraries = ")
                .append(included).append(" included (").append(thirdParty).append(" third-party, ").append(application)
                .append(" with application classes");
        if (filtered > 0) {
            text.append(", ").append(filtered).append(" of them filtered");
        }
        text.append(')');
        if (excluded > 0) {
            text.append(" + ").append(excluded).append(" excluded (other modules' code)");
        }
        if (notPacked > 0) {
            text.append(" + ").append(notPacked).append(" not packed (Spring Boot's repackaging leaves them out)");
        }
        return text.toString();
    }
}
