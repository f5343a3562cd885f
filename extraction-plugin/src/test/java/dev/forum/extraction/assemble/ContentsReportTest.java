package dev.forum.extraction.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contents.txt says what the service holds and what it cuts, down to each application class it leaves out. */
class ContentsReportTest {

    @TempDir
    Path dir;

    @Test
    void listsTheModulesTheArtifactsAndEveryApplicationClassLeftOut() throws IOException {
        ServicePlan plan = Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false), new ServiceRequest("beta", List.of("beta")));
        Path file = dir.resolve("contents.txt");
        ContentsReport.write(plan, dir.resolve("classes"), Map.of("org.projectlombok:lombok:jar:1.18", "optional"), file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("service: beta", "modules: beta", "runs everywhere too: platform", "calls over HTTP: alpha",
                "remote clients (HTTP contracts): fake.alpha.AlphaApi (alpha)",
                "uses the published types of: alpha (their classes are in the jar; the modules run elsewhere)"),
                lines.subList(0, 6));
        int leftOut = lines.indexOf("application classes left out (4):");
        assertEquals(List.of("  fake.alpha.internal.AlphaService  [alpha]", "  fake.alpha.internal.Secret  [alpha]",
                "  fake.gamma.GammaApi  [gamma]", "  fake.gamma.internal.GammaService  [gamma]"), lines.subList(leftOut + 1, lines.size()));
        assertEquals("excluded (3):", lines.get(lines.indexOf("excluded (3):")));
    }

    /** A module whose published types only are used (no HTTP contract called) is not said to be called over HTTP. */
    @Test
    void aModuleWhoseTypesOnlyAreUsedIsNotCalledOverHttp() throws IOException {
        // gamma calls beta through beta's HTTP contract; its API names alpha's AlphaId, which it holds.
        ServicePlan plan = Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false), new ServiceRequest("gamma", List.of("gamma")));
        Path file = dir.resolve("contents.txt");
        ContentsReport.write(plan, dir.resolve("classes"), Map.of(), file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("calls over HTTP: beta", "remote clients (HTTP contracts): fake.beta.BetaApi (beta)",
                "uses the published types of: alpha, beta (their classes are in the jar; the modules run elsewhere)"),
                lines.subList(3, 6));
        assertEquals(true, plan.classes().contains("fake.alpha.AlphaId"), "alpha's published type is in the jar");
    }

    /** The libraries line is the build's sum, and each of its parts is the length of its list below. */
    @Test
    void theLibrariesLineAddsUpToTheListsBelowIt() throws IOException {
        ServicePlan plan = Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false), new ServiceRequest("beta", List.of("beta")));
        Path file = dir.resolve("contents.txt");
        ContentsReport.write(plan, dir.resolve("classes"), Map.of("org.projectlombok:lombok:jar:1.18", "optional"), file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("libraries: 8 runtime libraries = 4 included (0 third-party, 4 with application classes) + 3 excluded"
                + " (other modules' code) + 1 not packed (Spring Boot's repackaging leaves them out)", lines.get(6));
        assertEquals(4, listed(lines, "included (4):"));
        assertEquals(3, listed(lines, "excluded (3):"));
        assertEquals(1, listed(lines, "not packed (1):"));
        assertEquals("  org.projectlombok:lombok:jar:1.18  [optional]", lines.get(lines.indexOf("not packed (1):") + 1));
    }

    /** The entries of a section: its indented lines up to the blank line. */
    private static int listed(List<String> lines, String title) {
        int count = 0;
        for (int i = lines.indexOf(title) + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            count++;
        }
        return count;
    }
}
