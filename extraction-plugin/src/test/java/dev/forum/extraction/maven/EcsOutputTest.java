package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsOutputTest {

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
}
