package dev.forum.extraction.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.TopologyServices;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the report tests share: the published schema, a check of a JSON value against it, and reports to check. */
final class ReportSchema {

    /**
     * What the settings were read from, as {@link dev.forum.extraction.model.ApplicationProperties#described()} says it
     * for the report, which knows no deployment: one file, no profile active.
     */
    static final String READ = "application.properties (no profile active; not read: profiles a deployment activates,"
            + " files beside the jar and in ./config/, the environment)";

    /** Reads the report's JSON. */
    static final ObjectMapper JSON = new ObjectMapper();

    private ReportSchema() {
    }

    /** @return the published schema, report.schema.json beside {@link ReportJson} */
    static JsonNode schema() throws IOException {
        try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
            return JSON.readTree(in);
        }
    }

    /**
     * Checks {@code value} against {@code schema} with the schema's keywords this report uses: type, const, enum,
     * required, properties, additionalProperties, items.
     *
     * @param path where {@code value} is in the report, {@code $} for the whole, to begin each line with
     * @return one line per way {@code value} breaks the schema; empty when it holds to it
     */
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

    /** The report of an application without a topology file, settings or an event publication registry. */
    static ExtractionReport withoutFile(ModulithModel model, List<ScannedArtifact> scanned) {
        return ExtractionReport.of(model, scanned, Optional.empty(), TopologyServices.NONE, Map.of(), PublicationRegistry.NONE,
                List.of());
    }
}
