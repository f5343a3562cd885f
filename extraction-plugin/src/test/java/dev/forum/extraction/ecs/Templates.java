package dev.forum.extraction.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendered templates as a deployment would see them: {@link #resolve} evaluates a template's conditions for given
 * parameter values (as CloudFormation does) and drops what {@code Fn::If} leaves out, so tests can ask "with
 * LocalModules=threads,users, which secrets does the monolith's task get?".
 */
final class Templates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    static Map<String, String> render(Topology topology) {
        return EcsRenderer.render(topology, ForumTopologies.settings());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CloudFormation templates in deployment order: the base stack first. */
    static Map<String, String> cloudFormation(Map<String, String> files) {
        Map<String, String> templates = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".json") && !name.startsWith("taskdefs/")) {
                templates.put(name, content);
            }
        });
        return templates;
    }

    static List<JsonNode> ofType(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        return found;
    }

    static Map<String, JsonNode> idsOfType(JsonNode template, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                found.put(r.getKey(), r.getValue());
            }
        });
        return found;
    }

    /**
     * The template with its conditions evaluated for {@code parameters} (defaults for the rest; {@code AWS::Region}
     * may be given): Fn::If replaced by the branch taken, AWS::NoValue and resources whose condition is false removed.
     */
    static JsonNode resolve(JsonNode template, Map<String, String> parameters) {
        Map<String, String> values = new HashMap<>();
        template.path("Parameters").fields().forEachRemaining(p -> {
            if (p.getValue().has("Default")) {
                values.put(p.getKey(), p.getValue().get("Default").asText());
            }
        });
        values.put("AWS::Region", "eu-west-1");
        values.putAll(parameters);
        Map<String, Boolean> conditions = new HashMap<>();
        JsonNode definitions = template.path("Conditions");
        definitions.fieldNames().forEachRemaining(name -> conditions.put(name, condition(definitions.get(name), definitions, values)));
        ObjectNode copy = template.deepCopy();
        ObjectNode resources = (ObjectNode) copy.path("Resources");
        Iterator<Map.Entry<String, JsonNode>> each = resources.fields();
        while (each.hasNext()) {
            JsonNode resource = each.next().getValue();
            if (resource.has("Condition") && !conditions.get(resource.get("Condition").asText())) {
                each.remove();
            }
        }
        return strip(copy, conditions);
    }

    private static boolean condition(JsonNode node, JsonNode definitions, Map<String, String> values) {
        if (node.has("Condition")) {
            return condition(definitions.get(node.get("Condition").asText()), definitions, values);
        }
        if (node.has("Fn::Equals")) {
            return value(node.get("Fn::Equals").get(0), values).equals(value(node.get("Fn::Equals").get(1), values));
        }
        if (node.has("Fn::Not")) {
            return !condition(node.get("Fn::Not").get(0), definitions, values);
        }
        if (node.has("Fn::Or")) {
            for (JsonNode part : node.get("Fn::Or")) {
                if (condition(part, definitions, values)) {
                    return true;
                }
            }
            return false;
        }
        if (node.has("Fn::And")) {
            for (JsonNode part : node.get("Fn::And")) {
                if (!condition(part, definitions, values)) {
                    return false;
                }
            }
            return true;
        }
        throw new IllegalArgumentException("not a condition: " + node);
    }

    private static String value(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Ref") && values.containsKey(node.get("Ref").asText())) {
            return values.get(node.get("Ref").asText());
        }
        throw new IllegalArgumentException("cannot evaluate " + node);
    }

    private static JsonNode strip(JsonNode node, Map<String, Boolean> conditions) {
        if (node.isObject()) {
            if (node.has("Fn::If")) {
                JsonNode args = node.get("Fn::If");
                return strip(conditions.get(args.get(0).asText()) ? args.get(1) : args.get(2), conditions);
            }
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                JsonNode value = strip(field.getValue(), conditions);
                if (!isNoValue(value)) {
                    out.set(field.getKey(), value);
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> {
                JsonNode value = strip(item, conditions);
                if (!isNoValue(value)) {
                    out.add(value);
                }
            });
            return out;
        }
        return node;
    }

    private static boolean isNoValue(JsonNode node) {
        return node.isObject() && node.size() == 1 && "AWS::NoValue".equals(node.path("Ref").asText(null));
    }

    /** A container's environment (Name to Value) and secret names. */
    static Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        container.path("Environment").forEach(e -> environment.put(e.path("Name").asText(), e.path("Value")));
        return environment;
    }

    static List<String> secretNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("Secrets").forEach(s -> names.add(s.path("Name").asText()));
        return names;
    }
}
