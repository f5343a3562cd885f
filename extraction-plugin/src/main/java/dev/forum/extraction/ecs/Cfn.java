package dev.forum.extraction.ecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for CloudFormation JSON: ordered maps, lists and the intrinsic functions the templates use.
 * Everything is plain {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}, written as JSON.
 */
final class Cfn {

    private Cfn() {
    }

    /** An ordered JSON object from key, value pairs; a null value leaves its key out. */
    static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static Map<String, Object> ref(String name) {
        return obj("Ref", name);
    }

    static Map<String, Object> getAtt(String resource, String attribute) {
        return obj("Fn::GetAtt", list(resource, attribute));
    }

    static Map<String, Object> sub(String text) {
        return obj("Fn::Sub", text);
    }

    static Map<String, Object> join(String separator, Object... parts) {
        return obj("Fn::Join", list(separator, list(parts)));
    }

    static Map<String, Object> importValue(String exportName) {
        return obj("Fn::ImportValue", exportName);
    }

    static Map<String, Object> findInMap(String map, Object topKey, Object secondKey) {
        return obj("Fn::FindInMap", list(map, topKey, secondKey));
    }

    static Map<String, Object> ifThen(String condition, Object whenTrue, Object whenFalse) {
        return obj("Fn::If", list(condition, whenTrue, whenFalse));
    }

    static Map<String, Object> equalTo(Object left, Object right) {
        return obj("Fn::Equals", list(left, right));
    }

    static Map<String, Object> not(Object condition) {
        return obj("Fn::Not", list(condition));
    }

    /** {@code Fn::Or} of 2 to 10 conditions (CloudFormation's bounds); more are nested in groups of ten. */
    static Object or(List<Object> conditions) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        if (conditions.size() <= 10) {
            return obj("Fn::Or", new ArrayList<>(conditions));
        }
        List<Object> groups = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i += 10) {
            groups.add(or(conditions.subList(i, Math.min(conditions.size(), i + 10))));
        }
        return or(groups);
    }

    static Map<String, Object> condition(String name) {
        return obj("Condition", name);
    }

    /** {@code AWS::NoValue}: in a property, leaves it out; in a list, leaves the item out. */
    static Map<String, Object> noValue() {
        return ref("AWS::NoValue");
    }

    static Map<String, Object> availabilityZone(int index) {
        return obj("Fn::Select", list(index, obj("Fn::GetAZs", "")));
    }

    /**
     * A resource's {@code Tags}: {@code Name} first, then {@code more} in the order of their keys, whatever order the
     * map iterates in ({@code Map.of}'s changes from one JVM to the next): the same topology renders the same bytes on
     * every build, so that deploying it again changes no stack.
     */
    static List<Object> tags(String name, Map<String, String> more) {
        List<Object> tags = list(obj("Key", "Name", "Value", name));
        new java.util.TreeMap<>(more).forEach((key, value) -> tags.add(obj("Key", key, "Value", value)));
        return tags;
    }

    static Map<String, Object> resource(String type, Map<String, Object> properties) {
        return obj("Type", type, "Properties", properties);
    }

    /** A template's sections in CloudFormation's usual order; empty sections are left out. */
    static Map<String, Object> template(String description, Map<String, Object> parameters, Map<String, Object> mappings,
            Map<String, Object> conditions, Map<String, Object> resources, Map<String, Object> outputs) {
        return obj("AWSTemplateFormatVersion", "2010-09-09", "Description", description,
                "Parameters", parameters.isEmpty() ? null : parameters,
                "Mappings", mappings.isEmpty() ? null : mappings,
                "Conditions", conditions.isEmpty() ? null : conditions,
                "Resources", resources,
                "Outputs", outputs.isEmpty() ? null : outputs);
    }

    static Map<String, Object> output(String description, Object value, String exportName) {
        return obj("Description", description, "Value", value,
                "Export", exportName == null ? null : obj("Name", exportName));
    }

    /** An IAM policy document. */
    static Map<String, Object> policy(Object... statements) {
        return obj("Version", "2012-10-17", "Statement", list(statements));
    }

    static Map<String, Object> allow(Object actions, Object resources) {
        return obj("Effect", "Allow", "Action", actions, "Resource", resources);
    }

    /** A security group rule's "no egress": CloudFormation adds allow-all egress to a group given none. */
    static Map<String, Object> noEgress() {
        return obj("IpProtocol", "-1", "CidrIp", "127.0.0.1/32", "Description", "No egress (replaces the default allow-all)");
    }
}
