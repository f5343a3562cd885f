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
        ContentsReport.write(plan, file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("service: beta", "modules: beta", "runs everywhere too: platform", "calls (API only, over HTTP): alpha",
                "remote clients (HTTP contracts): fake.alpha.AlphaApi (alpha)"), lines.subList(0, 5));
        int leftOut = lines.indexOf("application classes left out (4):");
        assertEquals(List.of("  fake.alpha.internal.AlphaService  [alpha]", "  fake.alpha.internal.Secret  [alpha]",
                "  fake.gamma.GammaApi  [gamma]", "  fake.gamma.internal.GammaService  [gamma]"), lines.subList(leftOut + 1, lines.size()));
        assertEquals("excluded (3):", lines.get(lines.indexOf("excluded (3):")));
    }
}
