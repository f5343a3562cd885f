package dev.forum.extraction.report;

import static dev.forum.extraction.report.ReportSchema.JSON;
import static dev.forum.extraction.report.ReportSchema.problems;
import static dev.forum.extraction.report.ReportSchema.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.TopologyServices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report holds to its published schema (report.schema.json), and the text says the same. */
class ReportJsonTest {

    @TempDir
    Path dir;

    @Test
    void theReportOfTheFakeApplicationMatchesTheSchema() throws IOException {
        ExtractionReport report = ExtractionReport.of(FakeApp.model(), FakeApp.scanned(dir, true), Optional.of("4.1.1"),
                TopologyServices.NONE, Map.of(), PublicationRegistry.NONE, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        assertEquals("[\"alpha\",\"gamma\"]", json.at("/summary/extractable").toString(), "beta reaches into alpha's internals");
        JsonNode beta = json.at("/modules/1");
        assertEquals("beta", beta.get("name").asText());
        assertEquals("internal-reference", beta.at("/blockers/0/kind").asText());
        assertEquals("fake/beta/internal/Sneaky.java", beta.at("/blockers/0/file").asText());
        assertEquals("shared", json.at("/modules/3/kind").asText());
        List<String> text = ReportText.lines(report);
        assertEquals("4 modules: 2 can be extracted alone now (alpha, gamma), 1 blocked alone (beta), 1 runs in every service (platform)",
                text.get(1));
        assertTrue(text.stream().anyMatch(l -> l.contains("- internal-reference: Module 'beta' alone needs other modules' internals")));
    }

    @Test
    void withATopologyFileItsServicesAreReportedAndAModuleBlockedAloneNamesTheServiceThatBuilds() throws IOException {
        TopologyServices services = new TopologyServices("topology.yml", "monolith", Map.of("core", List.of("alpha", "beta")));
        ExtractionReport report = ExtractionReport.of(FakeApp.model(), FakeApp.scanned(dir, true), Optional.of("4.1.1"), services,
                Map.of(), PublicationRegistry.NONE, List.of());
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        assertEquals("topology.yml", json.get("topology").asText());
        assertEquals("[\"alpha\",\"gamma\"]", json.at("/summary/extractable").toString());
        assertEquals(2, json.at("/summary/services").asInt());
        assertEquals("[\"monolith\",\"core\"]", json.at("/summary/buildable").toString(), "beta builds beside alpha");
        assertEquals("core", json.at("/modules/1/service").asText());
        assertEquals("monolith", json.at("/modules/2/service").asText(), "gamma is in no extracted service");
        JsonNode core = json.at("/services/1");
        assertEquals("core", core.get("name").asText());
        assertEquals("[\"alpha\",\"beta\"]", core.get("modules").toString());
        assertTrue(core.get("buildable").asBoolean());
        assertTrue(json.at("/services/0/monolith").asBoolean());
        List<String> text = ReportText.lines(report);
        assertEquals("2 services in topology.yml: 2 can be built now (monolith, core), 0 blocked", text.get(2));
        assertTrue(text.contains("  beta      blocked alone (1); in service core (with alpha), which can be built now:"
                + " -Dextract=core"), String.join("\n", text));
        assertTrue(text.contains("Services of topology.yml:"), String.join("\n", text));
        assertTrue(text.contains("  core      can be built now: alpha, beta (-Dextract=core)"), String.join("\n", text));
    }


    @Test
    void theSchemaNamesEveryBlockerKind() throws IOException {
        List<String> kinds = new ArrayList<>();
        schema().at("/properties/modules/items/properties/blockers/items/properties/kind/enum").forEach(k -> kinds.add(k.asText()));
        assertEquals(ReportJson.kinds(), kinds);
        List<String> serviceKinds = new ArrayList<>();
        schema().at("/properties/services/items/properties/blockers/items/properties/kind/enum").forEach(k -> serviceKinds.add(k.asText()));
        assertEquals(ReportJson.kinds(), serviceKinds);
        List<String> registries = new ArrayList<>();
        schema().at("/properties/warnings/items/properties/registry/enum").forEach(k -> registries.add(k.asText()));
        List<String> relational = new ArrayList<>(java.util.Arrays.stream(PublicationRegistry.Kind.values())
                .filter(PublicationRegistry.Kind::relational).map(PublicationRegistry.Kind::id).toList());
        relational.add(""); // a warning of another kind
        assertEquals(relational, registries, "only a relational registry is warned of");
        List<String> warningKinds = new ArrayList<>();
        schema().at("/properties/warnings/items/properties/kind/enum").forEach(k -> warningKinds.add(k.asText()));
        assertEquals(List.of(ExtractionReport.Warning.SHARED_EVENT_PUBLICATIONS,
                ExtractionReport.Warning.MODULITH_VERIFICATION, ExtractionReport.Warning.MISNAMED_MIGRATION_FOLDER,
                ExtractionReport.Warning.FUNCTIONAL_ROUTES, ExtractionReport.Warning.IN_PROCESS_DIFFERENCE,
                ExtractionReport.Warning.APPLICATION_WIDE_LEFT_OUT),
                warningKinds);
        // The validator below is not vacuous: a report without its summary fails it.
        JsonNode broken = JSON.readTree("{\"format\": 1, \"application\": {}, \"modules\": []}");
        assertTrue(!problems(schema(), broken, "$").isEmpty());
    }
}
