package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsOutputTest {

    private static final EcsSettings SETTINGS = EcsSettings.defaults("shop", null, ".", ".", "target/services");

    @Test
    void theFolderHoldsThisRenderingOnlyWithDeployShExecutable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ecs");
        Map<String, String> first = new LinkedHashMap<>();
        first.put("base.json", "{}");
        first.put("service-posts.json", "{\"posts\":1}");
        first.put("taskdefs/posts.json", "{}");
        first.put("deploy.sh", "#!/bin/sh\n");
        EcsOutput.write(out, first);
        assertEquals("{\"posts\":1}", Files.readString(out.resolve("service-posts.json")));
        assertTrue(Files.isExecutable(out.resolve("deploy.sh")));
        assertFalse(Files.isExecutable(out.resolve("base.json")));

        // posts dropped from the topology: its template and task definition go with it.
        EcsOutput.write(out, Map.of("base.json", "{\"v\":2}", "deploy.sh", "#!/bin/sh\n"));
        assertFalse(Files.exists(out.resolve("service-posts.json")));
        assertFalse(Files.exists(out.resolve("taskdefs/posts.json")));
        assertEquals("{\"v\":2}", Files.readString(out.resolve("base.json")));
    }

    @Test
    void theSummaryNamesTheFileTheFolderTheStacksAndEachRule() {
        Path basedir = Path.of("/work/shop/app").toAbsolutePath();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("base.json", "{}");
        files.put("service-catalog.json", "{}");
        files.put("taskdefs/catalog.json", "{}");
        files.put("deploy.sh", "");
        Topology catalog = topology("  - { name: catalog, modules: [books], traffic: 30 }\n");
        assertEquals("[extract] ecs: ../topology.yml -> target/ecs: 4 files (stacks base.json, service-catalog.json;"
                + " rules 10 [/api/books, /api/books/*] [monolith 70, catalog 30]) in 1.3 s",
                EcsOutput.summary(basedir, basedir.resolveSibling("topology.yml"), basedir.resolve("target/ecs"), files,
                        catalog, SETTINGS, 1.25));
        // The rules as the load balancers match them: under the application's context path.
        assertTrue(EcsOutput.summary(basedir, basedir.resolve("topology.yml"), basedir.resolve("ecs"), files, catalog,
                SETTINGS.paths("/shop", "/manage/health/readiness"), 0.01)
                .contains(" rules 10 [/shop/api/books, /shop/api/books/*] [monolith 70, catalog 30])"));
        assertEquals("[extract] ecs: topology.yml -> ecs: 1 files (stacks base.json; rules none) in 0.0 s",
                EcsOutput.summary(basedir, basedir.resolve("topology.yml"), basedir.resolve("ecs"),
                        Map.of("base.json", "{}"), topology(""), SETTINGS, 0.01));
    }

    private static Topology topology(String services) {
        return Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services,
                "topology.yml"), List.of(new ModuleRoute("books", "/api/books"), new ModuleRoute("loans", "/api/loans")));
    }
}
