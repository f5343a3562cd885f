package forum.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A request body means exactly what it says, or it is refused with a 400 that names the field:
 * <ul>
 *   <li>the types the contract says: a number where text belongs ({@code "username": 5}), text where a
 *       number belongs ({@code "user": "4"}) or a number where true or false belongs is not converted;</li>
 *   <li>a field given twice ({@code {"username":"a","username":"b"}}) is not "the last one wins";</li>
 *   <li>a field the request does not have ({@code "created_by"}) is not dropped;</li>
 *   <li>nothing may follow the JSON value ({@code {...} {...}}).</li>
 * </ul>
 * This is the application's mapper, which reads what clients send. The clients of remote modules read with
 * {@link #tolerant} instead: between our own services, a newer service may add a field during a canary.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    /** The rules above, for the application's {@code JsonMapper}. */
    @Bean
    public JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /**
     * The application's mapper, made tolerant of what a newer version of a module may add: unknown fields are
     * ignored. For reading the answers of remote modules only.
     */
    public static JsonMapper tolerant(JsonMapper strict) {
        return strict.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
