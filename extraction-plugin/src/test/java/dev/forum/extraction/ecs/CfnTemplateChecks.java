package dev.forum.extraction.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.ecs.CfnPropertyChecks.Shape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One template's structure: its sections, format version, description, logical ids and CloudFormation's count limits;
 * parameters (attributes, type, and that the default satisfies AllowedValues, AllowedPattern, MinValue/MaxValue);
 * mappings; conditions; resources (attributes, DependsOn, Condition, DeletionPolicy, the type exists in the
 * specification, and their properties through {@link CfnPropertyChecks}); outputs and their export names; and, last,
 * dependency cycles ({@link CfnDependencyCycles}). The intrinsic functions met on the way go to {@link
 * CfnIntrinsicChecks}.
 *
 * <p>In: the template's name, its parsed JSON, and the list problems go to. Out, after {@link #check()}: problems
 * appended (each {@code "name: path: message"}), and the export names it declares ({@link #exports()}) and literal
 * Fn::ImportValue names it uses ({@link #imports()}), for the checks across templates in {@link CfnSpecValidator}.
 */
final class CfnTemplateChecks {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata", "Parameters",
            "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "Description", "AllowedValues",
            "AllowedPattern", "MinValue", "MaxValue", "MinLength", "MaxLength", "NoEcho", "ConstraintDescription");
    private static final Set<String> POLICIES = Set.of("Delete", "Retain", "Snapshot", "RetainExceptOnCreate");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals", "Condition");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");

    private final CfnResourceSpec resourceSpec;
    private final JsonNode root;
    private final CfnIntrinsicChecks template;
    private final Set<String> exports = new LinkedHashSet<>();

    CfnTemplateChecks(CfnResourceSpec resourceSpec, String name, JsonNode root, List<String> problems) {
        this.resourceSpec = resourceSpec;
        this.root = root;
        this.template = new CfnIntrinsicChecks(resourceSpec, name, root, problems);
    }

    /** Export names of the template's outputs, in order; filled by {@link #check()}. */
    Set<String> exports() {
        return exports;
    }

    /** Literal names the template's Fn::ImportValue functions import, in order; filled by {@link #check()}. */
    Set<String> imports() {
        return template.imports;
    }

    /** Checks the whole template, appending every problem found. */
    void check() {
        if (!root.isObject()) {
            template.problem("$", "a template is a JSON object");
            return;
        }
        root.fieldNames().forEachRemaining(section -> {
            if (!SECTIONS.contains(section)) {
                template.problem(section, "not a template section (" + String.join(", ", new TreeSet<>(SECTIONS)) + ")");
            }
        });
        if (root.has("AWSTemplateFormatVersion") && !root.path("AWSTemplateFormatVersion").asText().equals("2010-09-09")) {
            template.problem("AWSTemplateFormatVersion", "the only version is 2010-09-09");
        }
        if (root.path("Description").asText("").getBytes(StandardCharsets.UTF_8).length > 1024) {
            template.problem("Description", "longer than 1024 bytes");
        }
        JsonNode resourcesNode = root.path("Resources");
        if (!resourcesNode.isObject() || resourcesNode.size() == 0) {
            template.problem("Resources", "a template needs at least one resource");
            return;
        }
        limit("Resources", 500);
        limit("Parameters", 200);
        limit("Outputs", 200);
        limit("Mappings", 200);
        root.path("Parameters").fieldNames().forEachRemaining(template.parameters::add);
        resourcesNode.fieldNames().forEachRemaining(template.resources::add);
        root.path("Conditions").fieldNames().forEachRemaining(template.conditions::add);
        Set<String> ids = new HashSet<>();
        for (String id : concat(template.parameters, template.resources, template.conditions)) {
            if (!LOGICAL_ID.matcher(id).matches()) {
                template.problem(id, "a logical id is 1-255 letters and digits");
            }
        }
        for (String id : template.parameters) {
            if (!ids.add(id) || template.resources.contains(id)) {
                template.problem("Parameters." + id, "a parameter and a resource share this id");
            }
        }
        parameters();
        mappings();
        root.path("Conditions").fields().forEachRemaining(c -> condition("Conditions." + c.getKey(), c.getValue()));
        resourcesNode.fields().forEachRemaining(r -> resource(r.getKey(), r.getValue()));
        template.currentResource = null;
        outputs();
        CfnDependencyCycles.report(template.dependencies, template);
    }

    private void limit(String section, int max) {
        if (root.path(section).size() > max) {
            template.problem(section, "more than " + max + " entries");
        }
    }

    private void parameters() {
        root.path("Parameters").fields().forEachRemaining(entry -> {
            String path = "Parameters." + entry.getKey();
            JsonNode parameter = entry.getValue();
            parameter.fieldNames().forEachRemaining(key -> {
                if (!PARAMETER_KEYS.contains(key)) {
                    template.problem(path + "." + key, "not a parameter attribute");
                }
            });
            String type = parameter.path("Type").asText("");
            boolean known = Set.of("String", "Number", "List<Number>", "CommaDelimitedList").contains(type)
                    || type.startsWith("AWS::EC2::") || type.startsWith("AWS::SSM::Parameter::")
                    || type.startsWith("List<AWS::EC2::");
            if (!known) {
                template.problem(path + ".Type", "'" + type + "' is not a parameter type");
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
                    template.problem(path + ".Default", "'" + text + "' is not one of its AllowedValues");
                }
            }
            if (parameter.has("AllowedPattern") && !text.matches(parameter.get("AllowedPattern").asText())) {
                template.problem(path + ".Default", "'" + text + "' does not match its AllowedPattern");
            }
            if (type.equals("Number")) {
                try {
                    double number = Double.parseDouble(text);
                    if (parameter.has("MinValue") && number < parameter.get("MinValue").asDouble()
                            || parameter.has("MaxValue") && number > parameter.get("MaxValue").asDouble()) {
                        template.problem(path + ".Default", text + " is outside MinValue..MaxValue");
                    }
                } catch (NumberFormatException e) {
                    template.problem(path + ".Default", "'" + text + "' is not a number");
                }
            }
        });
    }

    private void mappings() {
        root.path("Mappings").fields().forEachRemaining(map -> {
            if (!map.getValue().isObject() || map.getValue().size() == 0) {
                template.problem("Mappings." + map.getKey(), "a mapping is an object of keys");
            }
            map.getValue().fields().forEachRemaining(top -> {
                if (!top.getValue().isObject()) {
                    template.problem("Mappings." + map.getKey() + "." + top.getKey(), "each key maps to an object of second-level keys");
                }
            });
        });
    }

    private void condition(String path, JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            template.problem(path, "a condition is one condition function");
            return;
        }
        String function = node.fieldNames().next();
        if (!CONDITION_FUNCTIONS.contains(function)) {
            template.problem(path, function + " is not a condition function");
        }
        template.value(path, node, Shape.ANY);
    }

    private void resource(String id, JsonNode resource) {
        template.currentResource = id;
        template.dependencies.put(id, new LinkedHashSet<>());
        String path = "Resources." + id;
        resource.fieldNames().forEachRemaining(key -> {
            if (!RESOURCE_KEYS.contains(key)) {
                template.problem(path + "." + key, "not a resource attribute");
            }
        });
        for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
            if (resource.has(policy) && !POLICIES.contains(resource.get(policy).asText())) {
                template.problem(path + "." + policy, "'" + resource.get(policy).asText() + "' is not one of " + POLICIES);
            }
        }
        if (resource.has("Condition") && !template.conditions.contains(resource.get("Condition").asText())) {
            template.problem(path + ".Condition", "no condition '" + resource.get("Condition").asText() + "'");
        }
        JsonNode dependsOn = resource.path("DependsOn");
        List<String> targets = new ArrayList<>();
        if (dependsOn.isTextual()) {
            targets.add(dependsOn.asText());
        } else if (dependsOn.isArray()) {
            dependsOn.forEach(d -> targets.add(d.asText()));
        }
        for (String target : targets) {
            if (!template.resources.contains(target) || target.equals(id)) {
                template.problem(path + ".DependsOn", "'" + target + "' is not another resource of the template");
            } else {
                template.dependencies.get(id).add(target);
            }
        }
        String type = resource.path("Type").asText("");
        JsonNode spec = resourceSpec.resourceType(type);
        if (spec == null) {
            template.problem(path + ".Type", "'" + type + "' is not a resource type of the specification " + resourceSpec.version());
            return;
        }
        JsonNode properties = resource.path("Properties");
        if (resource.has("Properties") && !properties.isObject()) {
            template.problem(path + ".Properties", "Properties is an object");
            return;
        }
        new CfnPropertyChecks(resourceSpec, template).properties(path + ".Properties", type, spec.path("Properties"), properties);
    }

    private void outputs() {
        root.path("Outputs").fields().forEachRemaining(output -> {
            String path = "Outputs." + output.getKey();
            if (!LOGICAL_ID.matcher(output.getKey()).matches()) {
                template.problem(path, "an output id is letters and digits");
            }
            JsonNode node = output.getValue();
            node.fieldNames().forEachRemaining(key -> {
                if (!Set.of("Description", "Value", "Export", "Condition").contains(key)) {
                    template.problem(path + "." + key, "not an output attribute");
                }
            });
            if (!node.has("Value")) {
                template.problem(path, "an output needs a Value");
            }
            template.value(path + ".Value", node.path("Value"), Shape.ANY);
            if (node.has("Export")) {
                JsonNode exportName = node.path("Export").path("Name");
                if (!exportName.isTextual() || !exportName.asText().matches("[A-Za-z0-9:-]{1,255}")) {
                    template.problem(path + ".Export.Name", "a literal export name of letters, digits, ':' and '-' (checked across templates)");
                } else if (!exports.add(exportName.asText())) {
                    template.problem(path + ".Export.Name", "'" + exportName.asText() + "' is exported twice");
                }
            }
            if (node.has("Condition") && !template.conditions.contains(node.get("Condition").asText())) {
                template.problem(path + ".Condition", "no condition '" + node.get("Condition").asText() + "'");
            }
        });
    }

    @SafeVarargs
    private static List<String> concat(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
