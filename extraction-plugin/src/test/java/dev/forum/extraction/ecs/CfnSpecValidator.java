package dev.forum.extraction.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks CloudFormation templates against AWS's published resource specification (the
 * {@code CloudFormationResourceSpecification} JSON: resource types, their properties and attributes, property
 * types), not against expectations written by hand. Checked, each mistake named with its JSON path:
 *
 * <ul>
 *   <li>the template's sections, format version, logical ids, and CloudFormation's size and count limits
 *       (the size here, the rest in {@link CfnTemplateChecks});</li>
 *   <li>parameters: type, and that the default satisfies AllowedValues, AllowedPattern, MinValue/MaxValue;</li>
 *   <li>resources: the type exists; its properties ({@link CfnPropertyChecks}: names, required ones, the shape of
 *       every value); resource attributes (DependsOn, Condition, DeletionPolicy);</li>
 *   <li>intrinsic functions ({@link CfnIntrinsicChecks}, {@link CfnIntrinsicShapes}): Ref names a resource,
 *       parameter or pseudo parameter; Fn::GetAtt names a resource and an attribute its type has; Fn::Sub variables
 *       exist; Fn::FindInMap names a mapping and keys it has (for a Ref key, every value the parameter allows);
 *       Fn::If names a condition; a function that yields a list is used only where a list goes, and the reverse;</li>
 *   <li>no dependency cycle between resources ({@link CfnDependencyCycles});</li>
 *   <li>across templates (here): export names are unique, and every Fn::ImportValue (a literal name) is exported by
 *       a template deployed before it.</li>
 * </ul>
 */
final class CfnSpecValidator {

    private static final int MAX_BODY = 51_200;

    private final CfnResourceSpec resourceSpec;

    CfnSpecValidator(CfnResourceSpec resourceSpec) {
        this.resourceSpec = resourceSpec;
    }

    /** Reads the specification JSON at {@code file}; @throws IllegalArgumentException if it has no resource types. */
    static CfnSpecValidator load(Path file) throws IOException {
        return new CfnSpecValidator(CfnResourceSpec.load(file));
    }

    /** The specification's {@code ResourceSpecificationVersion}, "?" when absent. */
    String version() {
        return resourceSpec.version();
    }

    /** How many resource types the specification has. */
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
            CfnTemplateChecks checked = new CfnTemplateChecks(resourceSpec, name, template, problems);
            checked.check();
            for (String imported : checked.imports()) {
                if (!exportedBy.containsKey(imported)) {
                    problems.add(name + ": Fn::ImportValue '" + imported + "' is exported by no template deployed before it");
                }
            }
            for (String export : checked.exports()) {
                String other = exportedBy.put(export, name);
                if (other != null) {
                    problems.add(name + ": export '" + export + "' is exported by " + other + " too");
                }
            }
        }
        return problems;
    }

    /** Checks one template as the only one deployed (its imports are reported as exported by none). */
    List<String> validate(String name, String template) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(name, template);
        return validate(one);
    }

    /** Imports are not checked against exports here (a single template in isolation). */
    List<String> validateAlone(String name, String template) {
        return validate(name, template).stream().filter(p -> !p.contains("is exported by no template")).toList();
    }

    /** A template file's text, read as UTF-8. */
    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
