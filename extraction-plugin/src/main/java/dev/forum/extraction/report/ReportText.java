package dev.forum.extraction.report;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.report.ExtractionReport.ModuleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report for a person: a summary line, then each module with its state and, when blocked, one line per blocker. */
public final class ReportText {

    private ReportText() {
    }

    public static List<String> lines(ExtractionReport report) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> app = report.application();
        lines.add("Extraction report for " + app.get("mainClass") + " (Spring Modulith " + app.get("springModulith")
                + (String.valueOf(app.get("springBoot")).isEmpty() ? "" : ", Spring Boot " + app.get("springBoot"))
                + ", Java " + app.get("java") + ")");
        long candidates = report.modules().stream().filter(m -> m.kind() == ExtractionReport.Kind.MODULE).count();
        lines.add(report.modules().size() + " modules, " + candidates + " that can be a service; extractable now: "
                + (report.extractable().isEmpty() ? "none" : String.join(", ", report.extractable())));
        int width = report.modules().stream().mapToInt(m -> m.name().length()).max().orElse(0);
        for (ModuleEntry module : report.modules()) {
            String name = String.format("  %-" + width + "s  ", module.name());
            String indent = " ".repeat(name.length());
            switch (module.kind()) {
                case OPEN -> lines.add(name + "open module: runs in every service");
                case SHARED -> lines.add(name + "shared module: runs in every service");
                case MAIN -> lines.add(name + "module of the main class: runs in every service");
                case MODULE -> {
                    lines.add(name + (module.extractable() ? "extractable now" : "blocked (" + module.blockers().size() + ")"));
                    module.callsOverHttp().forEach((contract, callee) -> lines.add(indent + "calls " + callee + " over HTTP (" + contract + ")"));
                    if (!module.calledOverHttpBy().isEmpty()) {
                        lines.add(indent + "called over HTTP by " + String.join(", ", module.calledOverHttpBy()));
                    }
                    for (Blocker blocker : module.blockers()) {
                        lines.add(indent + "- " + blocker.kind().id() + ": " + blocker.message());
                    }
                }
                default -> throw new IllegalStateException(module.kind().toString());
            }
        }
        return lines;
    }
}
