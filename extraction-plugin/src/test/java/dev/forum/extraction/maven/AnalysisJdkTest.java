package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.analysis.SupportedVersions;
import dev.forum.extraction.model.ExtractionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a JDK toolchain in the run, Maven's own JDK must do; the refusal says which step is missing. */
class AnalysisJdkTest {

    /** A release no JDK here has, so Maven's own JDK is always too old for it. */
    private static final int FUTURE = 99;

    private static final int MAVEN_JDK = SupportedVersions.feature(System.getProperty("java.specification.version"));

    @Test
    void aBuildWithoutTheToolchainsPluginIsToldToAddIt() {
        var e = assertThrows(ExtractionException.class, () -> AnalysisJdk.find(null, null, FUTURE, false, "report"));
        assertEquals("The application is compiled for Java 99, but Maven runs on Java " + MAVEN_JDK + " and the build"
                + " selects no JDK toolchain: add maven-toolchains-plugin's select-jdk-toolchain goal with <version>[99,)"
                + "</version> to the build, or run Maven on a JDK 99", e.getMessage());
    }

    @Test
    void aBuildThatHasItIsToldToRunItsPhaseFirstWithTheGoalItRan() {
        String selected = "The application is compiled for Java 99, but Maven runs on Java " + MAVEN_JDK + " and"
                + " maven-toolchains-plugin, which the build declares, selected no JDK toolchain in this run: its goal runs"
                + " in a lifecycle phase, so run the extract goal after one (e.g. ";
        for (String goal : List.of("report", "modules", "ecs")) {
            var e = assertThrows(ExtractionException.class, () -> AnalysisJdk.find(null, null, FUTURE, true, goal));
            assertEquals(selected + "compile extract:" + goal + ", not extract:" + goal + " alone), or run Maven on a JDK 99",
                    e.getMessage());
        }
        // The service goal reads the packaged project: validate selects the toolchain without building it again.
        var e = assertThrows(ExtractionException.class, () -> AnalysisJdk.find(null, null, FUTURE, true, "service"));
        assertEquals(selected + "validate extract:service, not extract:service alone), or run Maven on a JDK 99", e.getMessage());
    }
}
