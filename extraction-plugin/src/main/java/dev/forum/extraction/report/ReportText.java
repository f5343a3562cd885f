package dev.forum.extraction.report;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.report.ExtractionReport.ModuleEntry;
import dev.forum.extraction.report.ExtractionReport.ServiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report for a person: a summary line ({@code 4 modules: 2 can be extracted alone now (catalog, orders), 2 blocked
 * alone (ratings, reviews)}, and the modules that run in every service when there are some), with a topology file a
 * second one for its services ({@code 3 services in topology.yml: 3 can be built now (monolith, catalog, feedback)});
 * then a warning line per cycle among the modules; then each module with its state and, when blocked, one line per
 * blocker; then each service of the file likewise.
 */
public final class ReportText {

    /** How a line that warns begins (the goal logs those lines as warnings too). */
    public static final String WARNING = "Warning: ";

    private ReportText() {
    }

    /**
     * @param report the report
     * @return its lines, without the build's {@code [extract]} prefix
     */
    public static List<String> lines(ExtractionReport report) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> app = report.application();
        lines.add("Extraction report for " + app.get("mainClass") + " (Spring Modulith " + app.get("springModulith")
                + (String.valueOf(app.get("springBoot")).isEmpty() ? "" : ", Spring Boot " + app.get("springBoot"))
                + ", Java " + app.get("java") + ")");
        lines.add(summary(report));
        if (!report.topology().isEmpty()) {
            lines.add(servicesSummary(report));
        }
        report.cycles().forEach(cycle -> lines.add(WARNING + cycle.describe()));
        // Every line of a warning keeps the prefix, so that the build logs it as a warning; the rest are indented.
        report.warnings().forEach(warning -> {
            for (int i = 0; i < warning.lines().size(); i++) {
                lines.add(WARNING + (i == 0 ? "" : "  ") + warning.lines().get(i));
            }
        });
        int width = report.modules().stream().mapToInt(m -> m.name().length()).max().orElse(0);
        for (ModuleEntry module : report.modules()) {
            String name = String.format("  %-" + width + "s  ", module.name());
            String indent = " ".repeat(name.length());
            switch (module.kind()) {
                case OPEN -> lines.add(name + "open module: runs in every service");
                case SHARED -> lines.add(name + "shared module: runs in every service");
                case MAIN -> lines.add(name + "module of the main class: runs in every service");
                case MODULE -> {
                    lines.add(name + (module.extractable() ? "extractable alone now" : "blocked alone ("
                            + module.blockers().size() + ")") + inService(report, module));
                    calls(lines, indent, module.callsOverHttp());
                    if (!module.calledOverHttpBy().isEmpty()) {
                        lines.add(indent + "called over HTTP by " + String.join(", ", module.calledOverHttpBy()));
                    }
                    blockers(lines, indent, module.blockers());
                }
                default -> throw new IllegalStateException(module.kind().toString());
            }
        }
        if (!report.services().isEmpty()) {
            lines.add("Services of " + report.topology() + ":");
            int serviceWidth = report.services().stream().mapToInt(s -> s.name().length()).max().orElse(0);
            for (ServiceEntry service : report.services()) {
                String name = String.format("  %-" + serviceWidth + "s  ", service.name());
                String indent = " ".repeat(name.length());
                lines.add(name + (service.buildable() ? "can be built now" : "blocked (" + service.blockers().size() + ")")
                        + (service.monolith() ? ": the monolith, every module" : ": " + String.join(", ", service.modules()))
                        + (service.buildable() ? " (-Dextract=" + service.name() + ")" : ""));
                calls(lines, indent, service.callsOverHttp());
                blockers(lines, indent, service.blockers());
            }
        }
        return lines;
    }

    /** For a module that an extracted service of the file holds with others: that service and whether it builds. */
    private static String inService(ExtractionReport report, ModuleEntry module) {
        Optional<ServiceEntry> service = report.service(module.service()).filter(s -> !s.monolith());
        if (service.isEmpty() || service.get().modules().equals(List.of(module.name()))) {
            return "";
        }
        List<String> others = service.get().modules().stream().filter(m -> !m.equals(module.name())).toList();
        return "; in service " + service.get().name() + " (with " + String.join(", ", others) + "), which "
                + (service.get().buildable() ? "can be built now: -Dextract=" + service.get().name() : "is blocked too");
    }

    private static void calls(List<String> lines, String indent, Map<String, String> calls) {
        calls.forEach((contract, callee) -> lines.add(indent + "calls " + callee + " over HTTP (" + contract + ")"));
    }

    private static void blockers(List<String> lines, String indent, List<Blocker> blockers) {
        for (Blocker blocker : blockers) {
            lines.add(indent + "- " + blocker.kind().id() + ": " + blocker.message());
        }
    }

    private static String summary(ExtractionReport report) {
        List<String> extractable = report.extractable();
        List<String> blocked = report.modules().stream().filter(m -> m.kind() == ExtractionReport.Kind.MODULE && !m.extractable())
                .map(ModuleEntry::name).toList();
        List<String> everywhere = report.modules().stream().filter(m -> m.kind() != ExtractionReport.Kind.MODULE)
                .map(ModuleEntry::name).toList();
        int count = report.modules().size();
        return count + (count == 1 ? " module: " : " modules: ") + extractable.size() + " can be extracted alone now"
                + names(extractable) + ", " + blocked.size() + " blocked alone" + names(blocked)
                + (everywhere.isEmpty() ? "" : ", " + everywhere.size() + (everywhere.size() == 1 ? " runs" : " run")
                        + " in every service" + names(everywhere));
    }

    private static String servicesSummary(ExtractionReport report) {
        List<String> buildable = report.buildableServices();
        List<String> blocked = report.services().stream().filter(s -> !s.buildable()).map(ServiceEntry::name).toList();
        int count = report.services().size();
        return count + (count == 1 ? " service in " : " services in ") + report.topology() + ": " + buildable.size()
                + " can be built now" + names(buildable) + ", " + blocked.size() + " blocked" + names(blocked);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }
}
