package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.CfnPropertyChecks.isIntrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.ecs.CfnPropertyChecks.Shape;
import java.util.Iterator;

/**
 * What an intrinsic function in one template gives, a list or a single value: in, the function's JSON object
 * ({@code {"Ref": ...}}); out, {@link Shape#LIST} or {@link Shape#SCALAR}, read from the parameter's type, the
 * attribute's type in the resource specification, the mapping's values, or the function itself. Reports nothing:
 * a name that does not resolve gives {@link Shape#SCALAR} (its problem is reported by {@link CfnIntrinsicChecks}).
 */
final class CfnIntrinsicShapes {

    private final CfnResourceSpec resourceSpec;
    private final JsonNode root;

    /** {@code root}: the whole template, for its Parameters, Resources and Mappings. */
    CfnIntrinsicShapes(CfnResourceSpec resourceSpec, JsonNode root) {
        this.resourceSpec = resourceSpec;
        this.root = root;
    }

    /** What an intrinsic function gives: a list or a single value. */
    Shape shapeOf(JsonNode node) {
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
}
