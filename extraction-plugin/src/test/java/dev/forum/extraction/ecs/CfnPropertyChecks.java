package dev.forum.extraction.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a resource's properties against the resource specification ({@link CfnResourceSpec}): every property name
 * exists for its type, required properties are present, and every value has the specified shape (primitive
 * String/Integer/Long/Double/Boolean/Timestamp/Json, List, Map, or a property type, recursively; one of several
 * where the specification allows several; a list or single value from an intrinsic function where one goes). The
 * intrinsic functions inside values are left to the template being checked ({@link TemplateContext}), which also
 * collects the problems, each with its JSON path.
 */
final class CfnPropertyChecks {

    /** What an intrinsic function gives: a list, a single value, or either. */
    enum Shape { SCALAR, LIST, ANY }

    /** What the checks need from the template they check: where problems go, and its intrinsic functions. */
    interface TemplateContext {

        void problem(String path, String message);

        /** Checks the intrinsic functions in {@code node} where a value of {@code expected} shape goes. */
        void value(String path, JsonNode node, Shape expected);

        /** Checks that {@code name} is a condition of the template. */
        void conditionName(String path, JsonNode name);

        /** What the intrinsic function {@code node} gives. */
        Shape shapeOf(JsonNode node);

        /** The same template recording its problems in {@code problems} instead: to try one of several types. */
        TemplateContext trial(List<String> problems);
    }

    private final CfnResourceSpec resourceSpec;
    private final TemplateContext template;

    CfnPropertyChecks(CfnResourceSpec resourceSpec, TemplateContext template) {
        this.resourceSpec = resourceSpec;
        this.template = template;
    }

    /**
     * Checks {@code values} (a resource's {@code Properties}, or a property type's object) against {@code specs} (their
     * specifications in {@code resourceType}), reporting every problem to the template at its JSON path.
     */
    void properties(String path, String resourceType, JsonNode specs, JsonNode values) {
        values.fields().forEachRemaining(property -> {
            JsonNode spec = specs.get(property.getKey());
            if (spec == null) {
                template.problem(path + "." + property.getKey(), "no property '" + property.getKey() + "' here (known: "
                        + String.join(", ", names(specs)) + ")");
            } else {
                typed(path + "." + property.getKey(), resourceType, spec, property.getValue());
            }
        });
        specs.fields().forEachRemaining(property -> {
            if (property.getValue().path("Required").asBoolean(false) && !values.has(property.getKey())) {
                template.problem(path, "the required property " + property.getKey() + " is missing");
            }
        });
    }

    /** A value against a property specification (PrimitiveType, Type with item types, or a property type). */
    private void typed(String path, String resourceType, JsonNode spec, JsonNode value) {
        if (isNoValue(value)) {
            return;
        }
        if (isIntrinsic(value) && value.has("Fn::If")) {
            JsonNode args = value.get("Fn::If");
            template.conditionName(path, args.path(0));
            typed(path + "[then]", resourceType, spec, args.path(1));
            typed(path + "[else]", resourceType, spec, args.path(2));
            return;
        }
        List<JsonNode> alternatives = alternatives(spec);
        if (alternatives.size() > 1) {
            for (JsonNode alternative : alternatives) {
                List<String> trial = new ArrayList<>();
                new CfnPropertyChecks(resourceSpec, template.trial(trial)).typed(path, resourceType, alternative, value);
                if (trial.isEmpty()) {
                    template.value(path, value, Shape.ANY);
                    return;
                }
            }
            template.problem(path, "matches none of the types the specification allows here");
            return;
        }
        if (spec.has("PrimitiveType")) {
            primitive(path, spec.get("PrimitiveType").asText(), value);
        } else if ("List".equals(spec.path("Type").asText())) {
            if (isIntrinsic(value)) {
                if (template.shapeOf(value) != Shape.LIST) {
                    template.problem(path, "a list goes here, but " + value.fieldNames().next() + " gives a single value");
                }
                template.value(path, value, Shape.LIST);
            } else if (!value.isArray()) {
                template.problem(path, "a list goes here, not " + kind(value));
            } else {
                for (int i = 0; i < value.size(); i++) {
                    item(path + "[" + i + "]", resourceType, spec, value.get(i));
                }
            }
        } else if ("Map".equals(spec.path("Type").asText())) {
            if (!value.isObject() || isIntrinsic(value)) {
                template.problem(path, "a map of keys goes here, not " + kind(value));
            } else {
                value.fields().forEachRemaining(e -> item(path + "." + e.getKey(), resourceType, spec, e.getValue()));
            }
        } else if (spec.has("Type")) {
            complex(path, resourceType, spec.get("Type").asText(), value);
        } else {
            template.problem(path, "the specification gives no type here");
        }
    }

    private void item(String path, String resourceType, JsonNode listSpec, JsonNode value) {
        if (listSpec.has("PrimitiveItemType")) {
            if (isIntrinsic(value) && value.has("Fn::If")) {
                template.conditionName(path, value.get("Fn::If").path(0));
                item(path + "[then]", resourceType, listSpec, value.get("Fn::If").path(1));
                item(path + "[else]", resourceType, listSpec, value.get("Fn::If").path(2));
            } else if (!isNoValue(value)) {
                primitive(path, listSpec.get("PrimitiveItemType").asText(), value);
            }
        } else if (listSpec.has("ItemType")) {
            complexOrIf(path, resourceType, listSpec.get("ItemType").asText(), value);
        } else if (listSpec.has("PrimitiveItemTypes") || listSpec.has("ItemTypes")) {
            template.value(path, value, Shape.ANY);
        } else {
            template.problem(path, "the specification gives no item type here");
        }
    }

    private void complexOrIf(String path, String resourceType, String typeName, JsonNode value) {
        if (isIntrinsic(value) && value.has("Fn::If")) {
            template.conditionName(path, value.get("Fn::If").path(0));
            complexOrIf(path + "[then]", resourceType, typeName, value.get("Fn::If").path(1));
            complexOrIf(path + "[else]", resourceType, typeName, value.get("Fn::If").path(2));
        } else if (!isNoValue(value)) {
            complex(path, resourceType, typeName, value);
        }
    }

    private void complex(String path, String resourceType, String typeName, JsonNode value) {
        JsonNode type = resourceSpec.propertyType(resourceType, typeName);
        if (type == null) {
            template.problem(path, "the specification has no property type " + typeName + " for " + resourceType);
            return;
        }
        if (!type.has("Properties")) {
            typed(path, resourceType, type, value); // an alias of a list, a map or a primitive
            return;
        }
        if (!value.isObject() || isIntrinsic(value)) {
            template.problem(path, "a " + typeName + " object goes here, not " + kind(value));
            if (isIntrinsic(value)) {
                template.value(path, value, Shape.ANY);
            }
            return;
        }
        properties(path, resourceType, type.get("Properties"), value);
    }

    private void primitive(String path, String type, JsonNode value) {
        if (isIntrinsic(value)) {
            if (!type.equals("Json") && template.shapeOf(value) == Shape.LIST) {
                template.problem(path, "a single " + type + " goes here, but " + value.fieldNames().next() + " gives a list");
            }
            template.value(path, value, Shape.SCALAR);
            return;
        }
        boolean ok = switch (type) {
            case "String", "Timestamp" -> value.isTextual();
            case "Integer", "Long" -> value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?\\d+");
            case "Double" -> value.isNumber() || value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?");
            case "Boolean" -> value.isBoolean() || value.isTextual() && value.asText().matches("true|false");
            case "Json" -> value.isObject() || value.isTextual();
            default -> false;
        };
        if (!ok) {
            template.problem(path, "a " + type + " goes here, not " + kind(value) + " " + abbreviate(value));
        }
        if (type.equals("Json") && value.isObject()) {
            template.value(path, value, Shape.ANY); // intrinsic functions inside a policy document
        }
    }

    private static List<JsonNode> alternatives(JsonNode spec) {
        List<JsonNode> alternatives = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        spec.path("PrimitiveTypes").forEach(t -> alternatives.add(mapper.createObjectNode().put("PrimitiveType", t.asText())));
        spec.path("Types").forEach(t -> alternatives.add(mapper.createObjectNode().put("Type", t.asText())));
        spec.path("PrimitiveItemTypes").forEach(t -> alternatives.add(mapper.createObjectNode().put("Type", "List")
                .put("PrimitiveItemType", t.asText())));
        spec.path("ItemTypes").forEach(t -> alternatives.add(mapper.createObjectNode().put("Type", "List").put("ItemType", t.asText())));
        if (alternatives.isEmpty()) {
            alternatives.add(spec);
        } else if (spec.has("PrimitiveType") || spec.has("Type") && !spec.has("ItemTypes") && !spec.has("PrimitiveItemTypes")) {
            alternatives.add(0, spec);
        }
        return alternatives;
    }

    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    private static boolean isNoValue(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.path("Ref").asText("").equals("AWS::NoValue");
    }

    private static String kind(JsonNode value) {
        if (isIntrinsic(value)) {
            return value.fieldNames().next();
        }
        return value.isTextual() ? "a string" : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean"
                : value.isArray() ? "a list" : value.isObject() ? "an object" : "null";
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
