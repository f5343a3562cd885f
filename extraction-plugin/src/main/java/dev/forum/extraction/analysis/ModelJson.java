package dev.forum.extraction.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.model.ApplicationWide;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The analyzer's JSON ({@code dev.forum.extraction.analyzer.ModulithAnalyzer}) read into a {@link ModulithModel}. */
public final class ModelJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelJson() {
    }

    /**
     * @throws ExtractionException with the analyzer's own one-line refusal when the file holds {@code error}
     * @throws IOException         when the file cannot be read as JSON
     */
    public static ModulithModel read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.hasNonNull("error")) {
            throw new ExtractionException(root.get("error").asText());
        }
        List<ModulithModel.Module> modules = new ArrayList<>();
        for (JsonNode module : root.path("modules")) {
            Map<String, List<String>> events = new LinkedHashMap<>();
            module.path("publishedEvents").forEach(e -> events.put(e.path("type").asText(), strings(e.path("sources"))));
            List<ModulithModel.Dependency> dependencies = dependencies(module.path("dependencies"));
            modules.add(new ModulithModel.Module(module.path("name").asText(), module.path("basePackage").asText(),
                    module.path("open").asBoolean(), module.path("shared").asBoolean(), set(module.path("types")),
                    set(module.path("publishedTypes")), events, dependencies));
        }
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        root.path("httpContracts").forEach(c -> {
            List<HttpContract.Unsendable> unsendable = new ArrayList<>();
            c.path("unsendable").forEach(u -> unsendable.add(new HttpContract.Unsendable(u.path("method").asText(),
                    u.path("part").asText(), u.path("type").asText(), u.path("problem").asText(), u.path("fix").asText())));
            List<HttpContract.EmptySegment> emptySegments = new ArrayList<>();
            c.path("emptySegments").forEach(e -> emptySegments.add(new HttpContract.EmptySegment(
                    e.path("method").asText(), e.path("classPath").asText(), e.path("path").asText())));
            contracts.put(c.path("type").asText(), new HttpContract(c.path("type").asText(),
                    c.hasNonNull("prefix") ? c.get("prefix").asText() : null, strings(c.path("controllers")), unsendable,
                    emptySegments, strings(c.path("differences"))));
        });
        List<ModulithModel.Listener> listeners = new ArrayList<>();
        root.path("listeners").forEach(l -> listeners.add(new ModulithModel.Listener(l.path("event").asText(),
                l.path("listener").asText(), l.path("method").asText(),
                l.has("receives") ? strings(l.path("receives")) : List.of(l.path("event").asText()))));
        List<ModulithModel.Entity> entities = new ArrayList<>();
        root.path("entities").forEach(e -> entities.add(new ModulithModel.Entity(e.path("type").asText(),
                e.path("table").asText(), e.path("store").asText())));
        Map<String, List<String>> controllers = new LinkedHashMap<>();
        root.path("controllers").forEach(c -> controllers.put(c.asText(), strings(root.path("controllerPaths").path(c.asText()))));
        return ModulithModel.builder(root.path("mainClass").asText(), strings(root.path("rootPackages")), modules)
                .httpContracts(contracts).controllers(controllers).listeners(listeners).entities(entities)
                .externalizedEvents(map(root.path("externalizedEvents"))).sourceFiles(map(root.path("sourceFiles")))
                .versions(root.path("springModulith").asText(), root.path("java").asText())
                .violations(strings(root.path("violations"))).routerFunctions(stringLists(root.path("routerFunctions")))
                .applicationWide(applicationWide(root)).outsideBeanReferences(dependencies(root.path("outsideBeanReferences")))
                .build();
    }

    /** An array of the analyzer's dependency objects ({@code type}, {@code source}, {@code target}, {@code module}). */
    private static List<ModulithModel.Dependency> dependencies(JsonNode array) {
        List<ModulithModel.Dependency> dependencies = new ArrayList<>();
        array.forEach(d -> dependencies.add(new ModulithModel.Dependency(d.path("type").asText(),
                d.path("source").asText(), d.path("target").asText(), d.path("module").asText())));
        return dependencies;
    }

    /** The analyzer's {@code applicationWide} (each class to its findings) and {@code featureUses}. */
    private static ApplicationWide applicationWide(JsonNode root) {
        Map<String, List<ApplicationWide.Setting>> classes = new LinkedHashMap<>();
        root.path("applicationWide").fields().forEachRemaining(e -> {
            List<ApplicationWide.Setting> settings = new ArrayList<>();
            e.getValue().forEach(s -> settings.add(new ApplicationWide.Setting(s.path("what").asText(),
                    ApplicationWide.Effect.valueOf(s.path("effect").asText().toUpperCase(java.util.Locale.ROOT)),
                    strings(s.path("needs")))));
            classes.put(e.getKey(), settings);
        });
        return new ApplicationWide(classes, stringLists(root.path("featureUses")));
    }

    /** An object of string arrays ({@code routerFunctions}, {@code featureUses}), in the file's order. */
    private static Map<String, List<String>> stringLists(JsonNode object) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), strings(e.getValue())));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> set(JsonNode array) {
        return new LinkedHashSet<>(strings(array));
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
