package dev.forum.extraction.ecs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template being built: its sections, filled by the parts of a stack ({@link Network}, {@link Edge}, ...) and
 * written by {@link #template}. Logical ids are unique: adding one twice is a programming error.
 */
final class Stack {

    final Map<String, Object> parameters = new LinkedHashMap<>();
    final Map<String, Object> mappings = new LinkedHashMap<>();
    final Map<String, Object> conditions = new LinkedHashMap<>();
    final Map<String, Object> resources = new LinkedHashMap<>();
    final Map<String, Object> outputs = new LinkedHashMap<>();

    /** Adds a resource; returns it so attributes (DependsOn, Condition, DeletionPolicy) can be set. */
    Map<String, Object> add(String id, Map<String, Object> resource) {
        if (resources.putIfAbsent(id, resource) != null) {
            throw new IllegalStateException("two resources are named " + id);
        }
        return resource;
    }

    void parameter(String name, Map<String, Object> parameter) {
        if (parameters.putIfAbsent(name, parameter) != null) {
            throw new IllegalStateException("two parameters are named " + name);
        }
    }

    void condition(String name, Object condition) {
        if (conditions.putIfAbsent(name, condition) != null) {
            throw new IllegalStateException("two conditions are named " + name);
        }
    }

    void output(String name, Map<String, Object> output) {
        if (outputs.putIfAbsent(name, output) != null) {
            throw new IllegalStateException("two outputs are named " + name);
        }
    }

    Map<String, Object> template(String description) {
        return Cfn.template(description, parameters, mappings, conditions, resources, outputs);
    }
}
