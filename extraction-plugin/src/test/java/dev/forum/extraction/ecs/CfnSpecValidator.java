package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.CfnPropertyChecks.isIntrinsic;
import static dev.forum.extraction.ecs.CfnPropertyChecks.names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.ecs.CfnPropertyChecks.Shape;
import dev.forum.extraction.ecs.CfnPropertyChecks.TemplateContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks CloudFormation templates against AWS's published resource specification (the
 * {@code CloudFormationResourceSpecification} JSON: resource types, their properties and attributes, property
 * types), not against expectations written by hand. Checked, each mistake named with its JSON path:
 *
 * <ul>
 *   <li>the template's sections, format version, logical ids, and CloudFormation's size and count limits;</li>
 *   <li>parameters: type, and that the default satisfies AllowedValues, AllowedPattern, MinValue/MaxValue;</li>
 *   <li>resources: the type exists; its properties ({@link CfnPropertyChecks}: names, required ones, the shape of
 *       every value); resource attributes (DependsOn, Condition, DeletionPolicy);</li>
 *   <li>intrinsic functions: Ref names a resource, parameter or pseudo parameter; Fn::GetAtt names a resource
 *       and an attribute its type has; Fn::Sub variables exist; Fn::FindInMap names a mapping and keys it has
 *       (for a Ref key, every value the parameter allows); Fn::If names a condition; a function that yields a
 *       list is used only where a list goes, and the reverse;</li>
 *   <li>no dependency cycle between resources;</li>
 *   <li>across templates: export names are unique, and every Fn::ImportValue (a literal name) is exported by
 *       a template deployed before it.</li>
 * </ul>
 */
final class CfnSpecValidator {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata", "Parameters",
            "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "Description", "AllowedValues",
            "AllowedPattern", "MinValue", "MaxValue", "MinLength", "MaxLength", "NoEcho", "ConstraintDescription");
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Set<String> POLICIES = Set.of("Delete", "Retain", "Snapshot", "RetainExceptOnCreate");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals", "Condition");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final int MAX_BODY = 51_200;

    private final CfnResourceSpec resourceSpec;

    CfnSpecValidator(CfnResourceSpec resourceSpec) {
        this.resourceSpec = resourceSpec;
    }

    static CfnSpecValidator load(Path file) throws IOException {
        return new CfnSpecValidator(CfnResourceSpec.load(file));
    }

    String version() {
        return resourceSpec.version();
    }

    int resourceTypeCount() {
        return resourceSpec.resourceTypeCount();
    }

    /** Checks templates given in deployment order (name to JSON text); returns every problem found, empty if none. */
    List<String> validate(Map<String, String> templatesInDeployOrder) {
        List<String> problems = new ArrayList<>();
        Map<String, String> exportedBy = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Map.Entry<String, String> entry : templatesInDeployOrder.entrySet()) {
            String name = entry.getKey();
            if (entry.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_BODY) {
                problems.add(name + ": over " + MAX_BODY + " bytes, the most `aws cloudformation deploy` takes without an S3 bucket");
            }
            JsonNode template;
            try {
                template = mapper.readTree(entry.getValue());
            } catch (IOException e) {
                problems.add(name + ": not JSON: " + e.getMessage());
                continue;
            }
            Template checked = new Template(name, template, problems);
            checked.check();
            for (String imported : checked.imports) {
                if (!exportedBy.containsKey(imported)) {
                    problems.add(name + ": Fn::ImportValue '" + imported + "' is exported by no template deployed before it");
                }
            }
            for (String export : checked.exports) {
                String other = exportedBy.put(export, name);
                if (other != null) {
                    problems.add(name + ": export '" + export + "' is exported by " + other + " too");
                }
            }
        }
        return problems;
    }

    List<String> validate(String name, String template) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(name, template);
        return validate(one);
    }

    /** Imports are not checked against exports here (a single template in isolation). */
    List<String> validateAlone(String name, String template) {
        return validate(name, template).stream().filter(p -> !p.contains("is exported by no template")).toList();
    }

    /** One template's checks; the property checks ({@link CfnPropertyChecks}) call back into it for intrinsic functions. */
    private final class Template implements TemplateContext {
        final String name;
        final JsonNode root;
        final List<String> problems;
        final Set<String> resources = new LinkedHashSet<>();
        final Set<String> parameters = new LinkedHashSet<>();
        final Set<String> conditions = new LinkedHashSet<>();
        final Set<String> imports = new LinkedHashSet<>();
        final Set<String> exports = new LinkedHashSet<>();
        final Map<String, Set<String>> dependencies = new HashMap<>();
        String currentResource;

        Template(String name, JsonNode root, List<String> problems) {
            this.name = name;
            this.root = root;
            this.problems = problems;
        }

        @Override
        public void problem(String path, String message) {
            problems.add(name + ": " + path + ": " + message);
        }

        void check() {
            if (!root.isObject()) {
                problem("$", "a template is a JSON object");
                return;
            }
            root.fieldNames().forEachRemaining(section -> {
                if (!SECTIONS.contains(section)) {
                    problem(section, "not a template section (" + String.join(", ", new java.util.TreeSet<>(SECTIONS)) + ")");
                }
            });
            if (root.has("AWSTemplateFormatVersion") && !root.path("AWSTemplateFormatVersion").asText().equals("2010-09-09")) {
                problem("AWSTemplateFormatVersion", "the only version is 2010-09-09");
            }
            if (root.path("Description").asText("").getBytes(StandardCharsets.UTF_8).length > 1024) {
                problem("Description", "longer than 1024 bytes");
            }
            JsonNode resourcesNode = root.path("Resources");
            if (!resourcesNode.isObject() || resourcesNode.size() == 0) {
                problem("Resources", "a template needs at least one resource");
                return;
            }
            limit("Resources", 500);
            limit("Parameters", 200);
            limit("Outputs", 200);
            limit("Mappings", 200);
            root.path("Parameters").fieldNames().forEachRemaining(parameters::add);
            resourcesNode.fieldNames().forEachRemaining(resources::add);
            root.path("Conditions").fieldNames().forEachRemaining(conditions::add);
            Set<String> ids = new HashSet<>();
            for (String id : concat(parameters, resources, conditions)) {
                if (!LOGICAL_ID.matcher(id).matches()) {
                    problem(id, "a logical id is 1-255 letters and digits");
                }
            }
            for (String id : parameters) {
                if (!ids.add(id) || resources.contains(id)) {
                    problem("Parameters." + id, "a parameter and a resource share this id");
                }
            }
            parameters();
            mappings();
            root.path("Conditions").fields().forEachRemaining(c -> condition("Conditions." + c.getKey(), c.getValue()));
            resourcesNode.fields().forEachRemaining(r -> resource(r.getKey(), r.getValue()));
            currentResource = null;
            outputs();
            cycles();
        }

        void limit(String section, int max) {
            if (root.path(section).size() > max) {
                problem(section, "more than " + max + " entries");
            }
        }

        void parameters() {
            root.path("Parameters").fields().forEachRemaining(entry -> {
                String path = "Parameters." + entry.getKey();
                JsonNode parameter = entry.getValue();
                parameter.fieldNames().forEachRemaining(key -> {
                    if (!PARAMETER_KEYS.contains(key)) {
                        problem(path + "." + key, "not a parameter attribute");
                    }
                });
                String type = parameter.path("Type").asText("");
                boolean known = Set.of("String", "Number", "List<Number>", "CommaDelimitedList").contains(type)
                        || type.startsWith("AWS::EC2::") || type.startsWith("AWS::SSM::Parameter::")
                        || type.startsWith("List<AWS::EC2::");
                if (!known) {
                    problem(path + ".Type", "'" + type + "' is not a parameter type");
                }
                JsonNode value = parameter.get("Default");
                if (value == null) {
                    return;
                }
                String text = value.asText();
                if (parameter.has("AllowedValues")) {
                    boolean allowed = false;
                    for (JsonNode option : parameter.get("AllowedValues")) {
                        allowed |= option.asText().equals(text);
                    }
                    if (!allowed) {
                        problem(path + ".Default", "'" + text + "' is not one of its AllowedValues");
                    }
                }
                if (parameter.has("AllowedPattern") && !text.matches(parameter.get("AllowedPattern").asText())) {
                    problem(path + ".Default", "'" + text + "' does not match its AllowedPattern");
                }
                if (type.equals("Number")) {
                    try {
                        double number = Double.parseDouble(text);
                        if (parameter.has("MinValue") && number < parameter.get("MinValue").asDouble()
                                || parameter.has("MaxValue") && number > parameter.get("MaxValue").asDouble()) {
                            problem(path + ".Default", text + " is outside MinValue..MaxValue");
                        }
                    } catch (NumberFormatException e) {
                        problem(path + ".Default", "'" + text + "' is not a number");
                    }
                }
            });
        }

        void mappings() {
            root.path("Mappings").fields().forEachRemaining(map -> {
                if (!map.getValue().isObject() || map.getValue().size() == 0) {
                    problem("Mappings." + map.getKey(), "a mapping is an object of keys");
                }
                map.getValue().fields().forEachRemaining(top -> {
                    if (!top.getValue().isObject()) {
                        problem("Mappings." + map.getKey() + "." + top.getKey(), "each key maps to an object of second-level keys");
                    }
                });
            });
        }

        void condition(String path, JsonNode node) {
            if (!node.isObject() || node.size() != 1) {
                problem(path, "a condition is one condition function");
                return;
            }
            String function = node.fieldNames().next();
            if (!CONDITION_FUNCTIONS.contains(function)) {
                problem(path, function + " is not a condition function");
            }
            value(path, node, Shape.ANY);
        }

        void resource(String id, JsonNode resource) {
            currentResource = id;
            dependencies.put(id, new LinkedHashSet<>());
            String path = "Resources." + id;
            resource.fieldNames().forEachRemaining(key -> {
                if (!RESOURCE_KEYS.contains(key)) {
                    problem(path + "." + key, "not a resource attribute");
                }
            });
            for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                if (resource.has(policy) && !POLICIES.contains(resource.get(policy).asText())) {
                    problem(path + "." + policy, "'" + resource.get(policy).asText() + "' is not one of " + POLICIES);
                }
            }
            if (resource.has("Condition") && !conditions.contains(resource.get("Condition").asText())) {
                problem(path + ".Condition", "no condition '" + resource.get("Condition").asText() + "'");
            }
            JsonNode dependsOn = resource.path("DependsOn");
            List<String> targets = new ArrayList<>();
            if (dependsOn.isTextual()) {
                targets.add(dependsOn.asText());
            } else if (dependsOn.isArray()) {
                dependsOn.forEach(d -> targets.add(d.asText()));
            }
            for (String target : targets) {
                if (!resources.contains(target) || target.equals(id)) {
                    problem(path + ".DependsOn", "'" + target + "' is not another resource of the template");
                } else {
                    dependencies.get(id).add(target);
                }
            }
            String type = resource.path("Type").asText("");
            JsonNode spec = resourceSpec.resourceType(type);
            if (spec == null) {
                problem(path + ".Type", "'" + type + "' is not a resource type of the specification " + resourceSpec.version());
                return;
            }
            JsonNode properties = resource.path("Properties");
            if (resource.has("Properties") && !properties.isObject()) {
                problem(path + ".Properties", "Properties is an object");
                return;
            }
            new CfnPropertyChecks(resourceSpec, this).properties(path + ".Properties", type, spec.path("Properties"), properties);
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

        void ref(String path, String target) {
            if (resources.contains(target)) {
                depend(target);
            } else if (!parameters.contains(target) && !PSEUDO.contains(target)) {
                problem(path, "Ref '" + target + "' names no resource, parameter or pseudo parameter");
            }
        }

        void getAtt(String path, JsonNode args) {
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
        JsonNode attribute(String path, String resource, String attribute) {
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

        void sub(String path, JsonNode args) {
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

        void findInMap(String path, JsonNode args) {
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

        /** A literal key, or every value a Ref'd parameter allows (AllowedValues, or a whole-number range). */
        List<String> keysOf(String path, JsonNode key) {
            if (key.isTextual()) {
                return List.of(key.asText());
            }
            if (isIntrinsic(key) && key.has("Ref") && parameters.contains(key.get("Ref").asText())) {
                JsonNode parameter = root.path("Parameters").get(key.get("Ref").asText());
                List<String> keys = new ArrayList<>();
                if (parameter.has("AllowedValues")) {
                    parameter.get("AllowedValues").forEach(v -> keys.add(v.asText()));
                } else if (parameter.path("Type").asText().equals("Number") && parameter.has("MinValue") && parameter.has("MaxValue")) {
                    for (long v = parameter.get("MinValue").asLong(); v <= parameter.get("MaxValue").asLong(); v++) {
                        keys.add(String.valueOf(v));
                    }
                } else {
                    problem(path, "Fn::FindInMap by parameter " + key.get("Ref").asText()
                            + ", which allows values the mapping may not have: give it AllowedValues or a MinValue..MaxValue");
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

        void depend(String resource) {
            if (currentResource != null && !currentResource.equals(resource)) {
                dependencies.get(currentResource).add(resource);
            } else if (currentResource != null) {
                problem("Resources." + currentResource, "refers to itself");
            }
        }

        void outputs() {
            root.path("Outputs").fields().forEachRemaining(output -> {
                String path = "Outputs." + output.getKey();
                if (!LOGICAL_ID.matcher(output.getKey()).matches()) {
                    problem(path, "an output id is letters and digits");
                }
                JsonNode node = output.getValue();
                node.fieldNames().forEachRemaining(key -> {
                    if (!Set.of("Description", "Value", "Export", "Condition").contains(key)) {
                        problem(path + "." + key, "not an output attribute");
                    }
                });
                if (!node.has("Value")) {
                    problem(path, "an output needs a Value");
                }
                value(path + ".Value", node.path("Value"), Shape.ANY);
                if (node.has("Export")) {
                    JsonNode exportName = node.path("Export").path("Name");
                    if (!exportName.isTextual() || !exportName.asText().matches("[A-Za-z0-9:-]{1,255}")) {
                        problem(path + ".Export.Name", "a literal export name of letters, digits, ':' and '-' (checked across templates)");
                    } else if (!exports.add(exportName.asText())) {
                        problem(path + ".Export.Name", "'" + exportName.asText() + "' is exported twice");
                    }
                }
                if (node.has("Condition") && !conditions.contains(node.get("Condition").asText())) {
                    problem(path + ".Condition", "no condition '" + node.get("Condition").asText() + "'");
                }
            });
        }

        void cycles() {
            Map<String, Integer> state = new HashMap<>();
            for (String resource : dependencies.keySet()) {
                visit(resource, state, new ArrayList<>());
            }
        }

        void visit(String resource, Map<String, Integer> state, List<String> trail) {
            Integer seen = state.get(resource);
            if (seen != null && seen == 2) {
                return;
            }
            if (seen != null && seen == 1) {
                problem("Resources", "dependency cycle: " + String.join(" -> ", trail.subList(trail.indexOf(resource), trail.size()))
                        + " -> " + resource);
                return;
            }
            state.put(resource, 1);
            trail.add(resource);
            for (String next : dependencies.getOrDefault(resource, Set.of())) {
                visit(next, state, trail);
            }
            trail.remove(trail.size() - 1);
            state.put(resource, 2);
        }

        /** What an intrinsic function gives: a list or a single value. */
        @Override
        public Shape shapeOf(JsonNode node) {
            String function = node.fieldNames().next();
            JsonNode args = node.get(function);
            switch (function) {
                case "Fn::GetAZs", "Fn::Split", "Fn::Cidr":
                    return Shape.LIST;
                case "Ref": {
                    JsonNode parameter = root.path("Parameters").get(args.asText());
                    if (parameter != null) {
                        String type = parameter.path("Type").asText();
                        return type.startsWith("List<") || type.equals("CommaDelimitedList") ? Shape.LIST : Shape.SCALAR;
                    }
                    return args.asText().equals("AWS::NotificationARNs") ? Shape.LIST : Shape.SCALAR;
                }
                case "Fn::GetAtt": {
                    String resource = args.isArray() ? args.path(0).asText() : args.asText().split("\\.", 2)[0];
                    String attribute = args.isArray() ? args.path(1).asText() : args.asText().split("\\.", 2)[1];
                    JsonNode type = resourceSpec.resourceType(root.path("Resources").path(resource).path("Type").asText());
                    JsonNode spec = type == null ? null : type.path("Attributes").get(attribute);
                    return spec != null && "List".equals(spec.path("Type").asText()) ? Shape.LIST : Shape.SCALAR;
                }
                case "Fn::If":
                    return isIntrinsic(args.path(1)) ? shapeOf(args.path(1)) : args.path(1).isArray() ? Shape.LIST : Shape.SCALAR;
                case "Fn::FindInMap": {
                    JsonNode map = root.path("Mappings").path(args.path(0).asText());
                    Iterator<JsonNode> tops = map.elements();
                    if (tops.hasNext() && args.path(2).isTextual()) {
                        return tops.next().path(args.path(2).asText()).isArray() ? Shape.LIST : Shape.SCALAR;
                    }
                    return Shape.SCALAR;
                }
                default:
                    return Shape.SCALAR;
            }
        }

        @Override
        public TemplateContext trial(List<String> problems) {
            return new Template(name, root, problems).copyOf(this);
        }

        Template copyOf(Template other) {
            resources.addAll(other.resources);
            parameters.addAll(other.parameters);
            conditions.addAll(other.conditions);
            other.dependencies.keySet().forEach(k -> dependencies.put(k, new LinkedHashSet<>()));
            currentResource = other.currentResource;
            return this;
        }
    }

    @SafeVarargs
    private static List<String> concat(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
