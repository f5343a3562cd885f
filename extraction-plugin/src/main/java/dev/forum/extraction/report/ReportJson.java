package dev.forum.extraction.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModuleCycles;
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

    /**
     * @param report the report
     * @return it as JSON (format {@value #FORMAT}), indented, with a final newline
     */
    public static String write(ExtractionReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("application", report.application());
        root.put("topology", report.topology());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("modules", report.modules().size());
        summary.put("extractable", report.extractable());
        summary.put("services", report.services().size());
        summary.put("buildable", report.buildableServices());
        root.put("summary", summary);
        root.put("modules", report.modules().stream().map(ReportJson::module).toList());
        root.put("services", report.services().stream().map(ReportJson::service).toList());
        root.put("cycles", report.cycles().stream().map(ReportJson::cycle).toList());
        root.put("warnings", report.warnings().stream().map(ReportJson::warning).toList());
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
        json.put("callsOverHttp", calls(module.callsOverHttp()));
        json.put("calledOverHttpBy", module.calledOverHttpBy());
        json.put("blockers", module.blockers().stream().map(ReportJson::blocker).toList());
        json.put("service", module.service());
        return json;
    }

    private static Map<String, Object> cycle(ModuleCycles.Cycle cycle) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modules", cycle.modules());
        json.put("dependencies", cycle.dependencies());
        json.put("members", cycle.members());
        json.put("message", cycle.describe());
        return json;
    }

    private static Map<String, Object> warning(ExtractionReport.Warning warning) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", warning.kind());
        json.put("registry", warning.registry());
        json.put("plans", warning.plans().stream().map(plan -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("about", plan.about());
            entry.put("processes", plan.processes());
            entry.put("writers", plan.writers());
            return entry;
        }).toList());
        json.put("lines", warning.lines());
        return json;
    }

    private static Map<String, Object> service(ExtractionReport.ServiceEntry service) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", service.name());
        json.put("monolith", service.monolith());
        json.put("modules", service.modules());
        json.put("buildable", service.buildable());
        json.put("callsOverHttp", calls(service.callsOverHttp()));
        json.put("blockers", service.blockers().stream().map(ReportJson::blocker).toList());
        return json;
    }

    private static List<Map<String, String>> calls(Map<String, String> calls) {
        return calls.entrySet().stream().map(e -> {
            Map<String, String> call = new LinkedHashMap<>();
            call.put("contract", e.getKey());
            call.put("module", e.getValue());
            return call;
        }).toList();
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
