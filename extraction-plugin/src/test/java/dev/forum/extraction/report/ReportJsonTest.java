package dev.forum.extraction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.Blocker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report holds to its published schema (report.schema.json), and the text says the same. */
class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theReportOfTheFakeApplicationMatchesTheSchema() throws IOException {
        ExtractionReport report = ExtractionReport.of(FakeApp.model(), FakeApp.scanned(dir, true), Optional.of("4.1.1"));
        JsonNode json = JSON.readTree(ReportJson.write(report));

        assertEquals(List.of(), problems(schema(), json, "$"));
        assertEquals("[\"alpha\",\"gamma\"]", json.at("/summary/extractable").toString(), "beta reaches into alpha's internals");
        JsonNode beta = json.at("/modules/1");
        assertEquals("beta", beta.get("name").asText());
        assertEquals("internal-reference", beta.at("/blockers/0/kind").asText());
        assertEquals("fake/beta/internal/Sneaky.java", beta.at("/blockers/0/file").asText());
        assertEquals("shared", json.at("/modules/3/kind").asText());
        List<String> text = ReportText.lines(report);
        assertTrue(text.get(1).endsWith("extractable now: alpha, gamma"), text.get(1));
        assertTrue(text.stream().anyMatch(l -> l.contains("- internal-reference: Service 'beta' needs other modules' internals")));
    }

    @Test
    void theSchemaNamesEveryBlockerKind() throws IOException {
        List<String> kinds = new ArrayList<>();
        schema().at("/properties/modules/items/properties/blockers/items/properties/kind/enum").forEach(k -> kinds.add(k.asText()));
        assertEquals(ReportJson.kinds(), kinds);
        // The validator below is not vacuous: a report without its summary fails it.
        JsonNode broken = JSON.readTree("{\"format\": 1, \"application\": {}, \"modules\": []}");
        assertTrue(!problems(schema(), broken, "$").isEmpty());
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            return JSON.readTree(in);
        }
    }

    /** The schema's keywords this report uses: type, const, enum, required, properties, additionalProperties, items. */
    static List<String> problems(JsonNode schema, JsonNode value, String path) {
        List<String> found = new ArrayList<>();
        if (schema.has("const") && !schema.get("const").equals(value)) {
            found.add(path + ": not " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                found.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typed) {
            found.add(path + ": not " + type);
            return found;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                found.add(path + ": missing " + required.asText());
            }
        }
        if (value.isObject()) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode property = schema.path("properties").get(name);
                if (property != null) {
                    found.addAll(problems(property, value.get(name), path + "." + name));
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    found.add(path + ": unexpected " + name);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                found.addAll(problems(schema.get("items"), value.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }

    static List<String> kindsOf(Blocker.Kind... kinds) {
        return java.util.Arrays.stream(kinds).map(Blocker.Kind::id).toList();
    }
}
