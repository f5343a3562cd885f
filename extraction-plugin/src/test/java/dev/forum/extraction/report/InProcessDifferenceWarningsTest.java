package dev.forum.extraction.report;

import static dev.forum.extraction.report.ReportSchema.JSON;
import static dev.forum.extraction.report.ReportSchema.problems;
import static dev.forum.extraction.report.ReportSchema.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.TopologyServices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract's calls that differ in process and over HTTP are warnings of the report ({@code in-process-difference}),
 * one line each, in the text and in the JSON, for the contracts some plan calls over HTTP only; they block nothing; a
 * line two called contracts share (a contract and one it extends, for the same cause) is one warning.
 */
class InProcessDifferenceWarningsTest {

    private static final String ALPHA = "AlphaApi.find: the regex of its path variable {id:...} applies only over HTTP";
    private static final String GAMMA = "GammaApi.list: the @RequestParam(defaultValue = \"10\") of its parameter 'size'"
            + " applies only over HTTP";

    @TempDir
    Path dir;

    @Test
    void eachDifferenceOfACalledContractIsOneWarningLineAndAContractNobodyCallsIsQuiet() throws IOException {
        ModulithModel fake = FakeApp.model();
        Map<String, HttpContract> contracts = Map.of(
                "fake.alpha.AlphaApi", new HttpContract("fake.alpha.AlphaApi", "/api/alpha", List.of("fake.alpha.internal.AlphaService"),
                        List.of(), List.of(), List.of(ALPHA)),
                "fake.beta.BetaApi", new HttpContract("fake.beta.BetaApi", "/api/beta", List.of("fake.beta.internal.BetaService")),
                "fake.gamma.GammaApi", new HttpContract("fake.gamma.GammaApi", "/api/gamma", List.of(), List.of(), List.of(),
                        List.of(GAMMA)));
        ModulithModel model = ModulithModel.builder(fake.mainClass(), fake.rootPackages(), fake.modules())
                .httpContracts(contracts)
                .controllers(FakeApp.CONTROLLERS)
                .build();
        ExtractionReport report = ExtractionReport.of(model, FakeApp.scanned(dir, false), Optional.empty(), TopologyServices.NONE,
                Map.of(), PublicationRegistry.NONE, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        List<JsonNode> differences = StreamSupport.stream(json.get("warnings").spliterator(), false)
                .filter(w -> w.get("kind").asText().equals("in-process-difference")).toList();
        assertEquals(1, differences.size(), json.get("warnings").toString());
        assertEquals("[\"" + ALPHA.replace("\"", "\\\"") + "\"]", differences.get(0).get("lines").toString());
        assertEquals("[]", differences.get(0).get("plans").toString());
        assertTrue(ReportText.lines(report).contains("Warning: " + ALPHA), String.join("\n", ReportText.lines(report)));
        assertTrue(ReportText.lines(report).stream().noneMatch(line -> line.contains("GammaApi")), "nobody calls gamma's contract");
        assertEquals(JSON.readTree(ReportJson.write(ExtractionReport.of(fake, FakeApp.scanned(dir.resolve("plain"), false),
                Optional.empty(), TopologyServices.NONE, Map.of(), PublicationRegistry.NONE, List.of()))).at("/summary"),
                json.at("/summary"), "a warning blocks nothing");
    }

    @Test
    void aLineTwoCalledContractsShareIsOneWarning() throws IOException {
        String shared = "AlphaReadApi.find: the regex of its path variable {id:...} applies only over HTTP";
        String beta = "BetaApi.describe: the @RequestParam(defaultValue = \"x\") of its parameter 'id' applies only over HTTP";
        ModulithModel fake = FakeApp.model();
        Map<String, HttpContract> contracts = Map.of(
                "fake.alpha.AlphaApi", new HttpContract("fake.alpha.AlphaApi", "/api/alpha", List.of("fake.alpha.internal.AlphaService"),
                        List.of(), List.of(), List.of(shared, ALPHA)),
                "fake.beta.BetaApi", new HttpContract("fake.beta.BetaApi", "/api/beta", List.of("fake.beta.internal.BetaService"),
                        List.of(), List.of(), List.of(shared, beta)));
        ModulithModel model = ModulithModel.builder(fake.mainClass(), fake.rootPackages(), fake.modules())
                .httpContracts(contracts)
                .controllers(FakeApp.CONTROLLERS)
                .build();
        ExtractionReport report = ExtractionReport.of(model, FakeApp.scanned(dir, false), Optional.empty(), TopologyServices.NONE,
                Map.of(), PublicationRegistry.NONE, List.of());

        List<String> lines = StreamSupport.stream(JSON.readTree(ReportJson.write(report)).get("warnings").spliterator(), false)
                .filter(w -> w.get("kind").asText().equals("in-process-difference")).map(w -> w.get("lines").get(0).asText()).toList();
        assertEquals(List.of(shared, ALPHA, beta), lines, "both contracts are called, the shared line warned once");
        assertEquals(1, ReportText.lines(report).stream().filter(line -> line.equals("Warning: " + shared)).count(),
                String.join("\n", ReportText.lines(report)));
    }
}
