package dev.forum.extraction.assemble;

import dev.forum.extraction.model.HttpDeclarations;
import dev.forum.extraction.model.ModuleLinks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ModulithModel.Module;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The module metadata the run-time library (extraction-runtime) reads from {@value #LOCATION}: each module's packages,
 * HTTP contracts and route prefix ({@link HttpDeclarations}), the modules it calls over HTTP, the beans of other modules it uses that cannot go
 * over HTTP, the events it listens to with their publishers; and, in a service jar, the modules the service runs.
 * Java properties, written in a fixed order with no date, so the same model gives the same bytes. The format is
 * described in the library's {@code ModuleMetadata}.
 */
public final class RuntimeMetadata {

    public static final String LOCATION = "META-INF/extraction/modules.properties";

    private RuntimeMetadata() {
    }

    /**
     * @param service the modules a service jar runs; empty for the application's own jar
     * @return the file's bytes (ISO-8859-1, as {@link java.util.Properties} reads it; non-Latin-1 as {@code \\uXXXX})
     */
    public static byte[] of(ModulithModel model, Collection<String> service) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("format", "1");
        List<Module> ordered = dependencyOrder(model);
        lines.put("modules", join(ordered.stream().map(Module::name).toList()));
        if (!service.isEmpty()) {
            lines.put("service", join(service));
        }
        Set<String> everywhere = model.everywhereModules();
        Map<String, Set<String>> httpCalls = ModuleLinks.httpCalls(model);
        for (Module module : ordered) {
            String key = "module." + module.name() + ".";
            lines.put(key + "packages", module.basePackage());
            lines.put(key + "everywhere", String.valueOf(everywhere.contains(module.name())));
            HttpDeclarations http = HttpDeclarations.of(model, module.name());
            lines.put(key + "contracts", join(http.contracts()));
            // The same prefix the load balancer routes by (its contracts', else its controllers' class-level mapping),
            // and only one of the shape its rule takes: the run time must not claim paths no rule sends.
            String prefix = http.route().prefix();
            lines.put(key + "prefix", prefix == null ? "" : prefix);
            Set<String> beanCalls = new TreeSet<>();
            for (ModulithModel.Dependency dependency : module.dependencies()) {
                if (dependency.isBeanReference() && !everywhere.contains(dependency.module())
                        && !dependency.module().equals(module.name())
                        && !model.httpContracts().containsKey(dependency.target())) {
                    beanCalls.add(dependency.target() + "@" + dependency.module());
                }
            }
            lines.put(key + "calls", join(httpCalls.get(module.name())));
            lines.put(key + "beanCalls", join(beanCalls));
            Set<String> listens = new TreeSet<>();
            // Each published class it receives, not its declared type: the run time matches publishers by module.
            model.listeners().stream().filter(l -> module.types().contains(l.listener())).forEach(l -> ModuleLinks.publishersOf(model, l)
                    .forEach((event, publishers) -> publishers.stream().filter(p -> !p.equals(module.name()) && !everywhere.contains(p))
                            .forEach(p -> listens.add(event + "@" + p))));
            lines.put(key + "listens", join(listens));
        }
        StringBuilder text = new StringBuilder("# The application's modules, from Spring Modulith's model (extraction-maven-plugin);"
                + " read by extraction-runtime.\n");
        lines.forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Modules after those they depend on (any dependency), in name order otherwise; a cycle keeps name order. */
    static List<Module> dependencyOrder(ModulithModel model) {
        Map<String, Set<String>> needs = new TreeMap<>();
        for (Module module : model.modules()) {
            Set<String> on = new TreeSet<>();
            module.dependencies().forEach(d -> on.add(d.module()));
            on.remove(module.name());
            needs.put(module.name(), on);
        }
        List<Module> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < needs.size()) {
            String next = needs.entrySet().stream().filter(e -> !placed.contains(e.getKey()) && placed.containsAll(
                    e.getValue().stream().filter(needs::containsKey).toList())).map(Map.Entry::getKey).findFirst()
                    .orElseGet(() -> needs.keySet().stream().filter(n -> !placed.contains(n)).findFirst().orElseThrow());
            placed.add(next);
            ordered.add(model.module(next).orElseThrow());
        }
        return ordered;
    }

    private static String join(Collection<String> values) {
        return String.join(",", values);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                out.append('\\').append(c);
            } else if (c > 0xFF || c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
