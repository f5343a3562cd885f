package dev.forum.extraction.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * AWS's published CloudFormation resource specification (the {@code CloudFormationResourceSpecification} JSON), read
 * once: its resource types (properties and attributes) and property types, looked up by name.
 */
final class CfnResourceSpec {

    private final JsonNode resourceTypes;
    private final JsonNode propertyTypes;
    private final String version;

    /** @throws IllegalArgumentException for JSON that has no resource types */
    CfnResourceSpec(JsonNode specification) {
        this.resourceTypes = specification.path("ResourceTypes");
        this.propertyTypes = specification.path("PropertyTypes");
        this.version = specification.path("ResourceSpecificationVersion").asText("?");
        if (!resourceTypes.isObject() || resourceTypes.size() == 0) {
            throw new IllegalArgumentException("not a CloudFormation resource specification: no ResourceTypes");
        }
    }

    static CfnResourceSpec load(Path file) throws IOException {
        return new CfnResourceSpec(new ObjectMapper().readTree(file.toFile()));
    }

    /** {@code ResourceSpecificationVersion}, "?" when absent. */
    String version() {
        return version;
    }

    int resourceTypeCount() {
        return resourceTypes.size();
    }

    /** A resource type ({@code AWS::ECS::Service}) with its {@code Properties} and {@code Attributes}, or null. */
    JsonNode resourceType(String type) {
        return resourceTypes.get(type);
    }

    /** A property type of a resource type ({@code AWS::ECS::Service.LoadBalancer}) or a shared one ({@code Tag}), or null. */
    JsonNode propertyType(String resourceType, String typeName) {
        JsonNode type = propertyTypes.get(resourceType + "." + typeName);
        return type != null ? type : propertyTypes.get(typeName);
    }
}
