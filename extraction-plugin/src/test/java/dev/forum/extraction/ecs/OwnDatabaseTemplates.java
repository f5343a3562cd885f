package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the tests of a service's own database (issue 16) share: a topology in which posts has a database of its own,
 * and look-ups in its rendered templates.
 */
final class OwnDatabaseTemplates {

    private OwnDatabaseTemplates() {
    }

    /** posts has a database of its own; threads is extracted without one; users stays in the monolith. */
    static final String POSTS_OWN = """
            services:
              - { name: monolith, monolith: true }
              - name: posts
                modules: [posts]
                database: { instance: db.t4g.small, storage: 50 }
              - { name: content, modules: [threads], traffic: 50 }
            """;

    /** The topology {@link #POSTS_OWN} resolved against the forum's modules. */
    static Topology postsOwn() {
        return ForumTopologies.topology(POSTS_OWN);
    }

    /** The rendered file {@code name} as JSON; fails the test when it was not rendered. */
    static JsonNode template(Map<String, String> files, String name) {
        String text = files.get(name);
        assertTrue(text != null, name + " is rendered: " + files.keySet());
        return Templates.json(text);
    }

    /** The resource {@code id} of a template; fails the test when it has none. */
    static JsonNode resource(JsonNode template, String id) {
        JsonNode resource = template.path("Resources").path(id);
        assertFalse(resource.isMissingNode(), id + " is in the template");
        return resource;
    }

    /** {@code {"Fn::ImportValue": export}}. */
    static JsonNode importOf(String export) {
        return Templates.json("{\"Fn::ImportValue\":\"" + export + "\"}");
    }

    /** {@code {"Fn::GetAtt": [id, attribute]}}. */
    static JsonNode getAtt(String id, String attribute) {
        return Templates.json("{\"Fn::GetAtt\":[\"" + id + "\",\"" + attribute + "\"]}");
    }

    /** A JSON array's items, in order. */
    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
