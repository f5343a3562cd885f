package dev.forum.extraction.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.report.ExtractionReport.ModuleEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report for CI, as described by {@code report.schema.json} (format 1). */
public final class ReportJson {

    /** Bumped when a field changes meaning or goes away; new fields keep it. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String write(ExtractionReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("application", report.application());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("modules", report.modules().size());
        summary.put("extractable", report.extractable());
        root.put("summary", summary);
        root.put("modules", report.modules().stream().map(ReportJson::module).toList());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> module(ModuleEntry module) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", module.name());
        json.put("kind", module.kind().id());
        json.put("extractable", module.extractable());
        json.put("callsOverHttp", module.callsOverHttp().entrySet().stream()
                .map(e -> Map.of("contract", e.getKey(), "module", e.getValue())).toList());
        json.put("calledOverHttpBy", module.calledOverHttpBy());
        json.put("blockers", module.blockers().stream().map(ReportJson::blocker).toList());
        return json;
    }

    private static Map<String, Object> blocker(Blocker blocker) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", blocker.kind().id());
        json.put("source", blocker.source());
        json.put("target", blocker.target());
        json.put("file", blocker.file());
        json.put("sourceModule", blocker.sourceModule());
        json.put("targetModule", blocker.targetModule());
        json.put("message", blocker.message());
        return json;
    }

    static List<String> kinds() {
        return java.util.Arrays.stream(Blocker.Kind.values()).map(Blocker.Kind::id).toList();
    }
}
