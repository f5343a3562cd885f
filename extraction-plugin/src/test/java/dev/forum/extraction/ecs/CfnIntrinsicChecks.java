package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.CfnPropertyChecks.isIntrinsic;
import static dev.forum.extraction.ecs.CfnPropertyChecks.names;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.ecs.CfnPropertyChecks.Shape;
import dev.forum.extraction.ecs.CfnPropertyChecks.TemplateContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One template's intrinsic functions, checked against what the template declares: Ref names a resource, parameter or
 * pseudo parameter; Fn::GetAtt names a resource and an attribute its type has; Fn::Sub variables exist; Fn::FindInMap
 * names a mapping and keys it has (for a Ref key, every value the parameter allows); Fn::If and Condition name a
 * condition; a function that yields a list is used only where a list goes ({@link #shapeOf}).
 *
 * <p>In: the template's name, its parsed JSON, the list problems go to (each {@code "name: path: message"}), and the
 * logical ids filled in by {@link CfnTemplateChecks} ({@link #resources}, {@link #parameters}, {@link #conditions}) and
 * the resource being checked ({@link #currentResource}). Out: problems appended; the literal Fn::ImportValue names
 * used ({@link #imports}); and which resource refers to which ({@link #dependencies}, for {@link CfnDependencyCycles}).
 * The property checks ({@link CfnPropertyChecks}) call back into it as their {@link TemplateContext}.
 */
final class CfnIntrinsicChecks implements TemplateContext {

    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final CfnResourceSpec resourceSpec;
    private final String name;
    private final JsonNode root;
    private final List<String> problems;
    private final CfnIntrinsicShapes shapes;
    final Set<String> resources = new LinkedHashSet<>();
    final Set<String> parameters = new LinkedHashSet<>();
    final Set<String> conditions = new LinkedHashSet<>();
    final Set<String> imports = new LinkedHashSet<>();
    /** Resource to the resources it refers to (Ref, Fn::GetAtt, Fn::Sub, DependsOn); a key per resource checked. */
    final Map<String, Set<String>> dependencies = new HashMap<>();
    /** The resource whose values are being checked, null outside Resources. */
    String currentResource;

    CfnIntrinsicChecks(CfnResourceSpec resourceSpec, String name, JsonNode root, List<String> problems) {
        this.resourceSpec = resourceSpec;
        this.name = name;
        this.root = root;
        this.problems = problems;
        this.shapes = new CfnIntrinsicShapes(resourceSpec, root);
    }

    @Override
    public void problem(String path, String message) {
        problems.add(name + ": " + path + ": " + message);
    }

    /** Walks any value for intrinsic functions and checks their targets. */
    @Override
    public void value(String path, JsonNode node, Shape expected) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                value(path + "[" + i + "]", node.get(i), Shape.ANY);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (!isIntrinsic(node)) {
            node.fields().forEachRemaining(e -> value(path + "." + e.getKey(), e.getValue(), Shape.ANY));
            return;
        }
        String function = node.fieldNames().next();
        JsonNode args = node.get(function);
        switch (function) {
            case "Ref" -> ref(path, args.asText());
            case "Fn::GetAtt" -> getAtt(path, args);
            case "Fn::Sub" -> sub(path, args);
            case "Fn::ImportValue" -> {
                if (!args.isTextual()) {
                    problem(path, "Fn::ImportValue takes a literal export name here, so that it can be checked");
                } else {
                    imports.add(args.asText());
                }
            }
            case "Fn::FindInMap" -> findInMap(path, args);
            case "Fn::If" -> {
                conditionName(path, args.path(0));
                value(path + "[then]", args.path(1), expected);
                value(path + "[else]", args.path(2), expected);
            }
            case "Condition" -> conditionName(path, args);
            case "Fn::Join" -> {
                if (!args.isArray() || args.size() != 2 || !args.get(0).isTextual()) {
                    problem(path, "Fn::Join takes [separator, [values]]");
                } else {
                    JsonNode parts = args.get(1);
                    if (parts.isArray()) {
                        for (int i = 0; i < parts.size(); i++) {
                            JsonNode part = parts.get(i);
                            if (isIntrinsic(part) && shapeOf(part) == Shape.LIST) {
                                problem(path + "[" + i + "]", "Fn::Join joins single values; this one is a list");
                            }
                            value(path + "[" + i + "]", part, Shape.SCALAR);
                        }
                    } else {
                        value(path, parts, Shape.LIST);
                    }
                }
            }
            case "Fn::Select", "Fn::Split", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Base64", "Fn::Cidr",
                    "Fn::Length", "Fn::ToJsonString" -> value(path, args, Shape.ANY);
            case "Fn::GetAZs" -> {
                if (!args.isTextual() && !isIntrinsic(args)) {
                    problem(path, "Fn::GetAZs takes a region name or \"\"");
                }
                value(path, args, Shape.SCALAR);
            }
            default -> problem(path, function + " is not an intrinsic function");
        }
    }

    private void ref(String path, String target) {
        if (resources.contains(target)) {
            depend(target);
        } else if (!parameters.contains(target) && !PSEUDO.contains(target)) {
            problem(path, "Ref '" + target + "' names no resource, parameter or pseudo parameter");
        }
    }

    private void getAtt(String path, JsonNode args) {
        String resource;
        String attribute;
        if (args.isTextual() && args.asText().contains(".")) {
            resource = args.asText().substring(0, args.asText().indexOf('.'));
            attribute = args.asText().substring(args.asText().indexOf('.') + 1);
        } else if (args.isArray() && args.size() == 2 && args.get(0).isTextual() && args.get(1).isTextual()) {
            resource = args.get(0).asText();
            attribute = args.get(1).asText();
        } else {
            problem(path, "Fn::GetAtt takes [resource, attribute]");
            return;
        }
        attribute(path, resource, attribute);
    }

    /** The attribute's specification, or null (with a problem) when the resource or attribute does not exist. */
    private JsonNode attribute(String path, String resource, String attribute) {
        JsonNode node = root.path("Resources").get(resource);
        if (node == null) {
            problem(path, "Fn::GetAtt names no resource '" + resource + "'");
            return null;
        }
        depend(resource);
        JsonNode type = resourceSpec.resourceType(node.path("Type").asText());
        if (type == null) {
            return null; // reported with the resource
        }
        JsonNode spec = type.path("Attributes").get(attribute);
        if (spec == null) {
            problem(path, node.path("Type").asText() + " has no attribute '" + attribute + "' (it has: "
                    + String.join(", ", names(type.path("Attributes"))) + ")");
        }
        return spec;
    }

    private void sub(String path, JsonNode args) {
        String text;
        Set<String> variables = new HashSet<>();
        if (args.isTextual()) {
            text = args.asText();
        } else if (args.isArray() && args.size() == 2 && args.get(0).isTextual() && args.get(1).isObject()) {
            text = args.get(0).asText();
            args.get(1).fields().forEachRemaining(e -> {
                variables.add(e.getKey());
                value(path + "." + e.getKey(), e.getValue(), Shape.SCALAR);
            });
        } else {
            problem(path, "Fn::Sub takes a string or [string, {variables}]");
            return;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            if (variables.contains(variable)) {
                continue;
            }
            int dot = variable.indexOf('.');
            if (dot > 0 && !PSEUDO.contains(variable)) {
                attribute(path, variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                ref(path, variable);
            }
        }
    }

    private void findInMap(String path, JsonNode args) {
        if (!args.isArray() || args.size() != 3) {
            problem(path, "Fn::FindInMap takes [map, top-level key, second-level key]");
            return;
        }
        JsonNode map = root.path("Mappings").get(args.get(0).asText());
        if (map == null) {
            problem(path, "no mapping '" + args.get(0).asText() + "'");
            return;
        }
        List<String> topKeys = keysOf(path, args.get(1));
        for (String key : topKeys) {
            JsonNode second = map.get(key);
            if (second == null) {
                problem(path, "mapping " + args.get(0).asText() + " has no key '" + key + "'");
            } else if (args.get(2).isTextual() && !second.has(args.get(2).asText())) {
                problem(path, "mapping " + args.get(0).asText() + "." + key + " has no key '" + args.get(2).asText() + "'");
            }
        }
        value(path, args.get(1), Shape.SCALAR);
        value(path, args.get(2), Shape.SCALAR);
    }

    /** A literal key, or every value a Ref'd parameter allows (its AllowedValues). */
    private List<String> keysOf(String path, JsonNode key) {
        if (key.isTextual()) {
            return List.of(key.asText());
        }
        if (isIntrinsic(key) && key.has("Ref") && parameters.contains(key.get("Ref").asText())) {
            JsonNode parameter = root.path("Parameters").get(key.get("Ref").asText());
            List<String> keys = new ArrayList<>();
            // Only AllowedValues bound what a stack may be given: a Number's MinValue..MaxValue takes fractions too.
            if (parameter.has("AllowedValues")) {
                parameter.get("AllowedValues").forEach(v -> keys.add(v.asText()));
            } else {
                problem(path, "Fn::FindInMap by parameter " + key.get("Ref").asText()
                        + ", which allows values the mapping may not have (a MinValue..MaxValue takes fractions): give it AllowedValues");
            }
            return keys;
        }
        return List.of();
    }

    @Override
    public void conditionName(String path, JsonNode name) {
        if (!name.isTextual() || !conditions.contains(name.asText())) {
            problem(path, "no condition '" + name.asText() + "'");
        }
    }

    private void depend(String resource) {
        if (currentResource != null && !currentResource.equals(resource)) {
            dependencies.get(currentResource).add(resource);
        } else if (currentResource != null) {
            problem("Resources." + currentResource, "refers to itself");
        }
    }

    /** What an intrinsic function gives: a list or a single value ({@link CfnIntrinsicShapes}). */
    @Override
    public Shape shapeOf(JsonNode node) {
        return shapes.shapeOf(node);
    }

    @Override
    public TemplateContext trial(List<String> problems) {
        return new CfnIntrinsicChecks(resourceSpec, name, root, problems).copyOf(this);
    }

    private CfnIntrinsicChecks copyOf(CfnIntrinsicChecks other) {
        resources.addAll(other.resources);
        parameters.addAll(other.parameters);
        conditions.addAll(other.conditions);
        other.dependencies.keySet().forEach(k -> dependencies.put(k, new LinkedHashSet<>()));
        currentResource = other.currentResource;
        return this;
    }
}
