package forum.platform.web.error;

import forum.platform.FieldViolation;
import forum.platform.InputViolations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every JSON request body once before it is bound: refuses one that is not UTF-8 text ({@link Utf8Body}), and
 * reads every field of one bound to a record on its own, so that one answer names every
 * field whose value cannot be read as its type, not only the first: Jackson binding a body stops at the first
 * failing field ({@code {"thread":"x","text":5}} would name {@code thread} alone).
 * <p>
 * What is collected: each field of the top-level object whose value is of the wrong type ({@code "text": 5}), an
 * id that is not a positive whole number ({@code "thread": 0}) and each field the request does not have. Those
 * fields are then left out of the body (null when bound) and their violations held ({@link InputViolations}) for
 * the module, whose own rules ({@code forum.platform.Validation}: required, blank, too long) report them together
 * with the rest. What is not: a body that is not well-formed JSON, a field given twice, a value after the object or
 * one past the parser's limits stops the reading at that point, and is answered alone as before
 * ({@link JsonInputProblems}), as is a body that is not a JSON object.
 */
@ControllerAdvice
class BodyFieldPrecheck extends RequestBodyAdviceAdapter {

    private final JsonMapper json;

    /** @param json the application's strict mapper, the one that binds request bodies */
    BodyFieldPrecheck(JsonMapper json) {
        this.json = json;
    }

    /** Every JSON body: each is checked to be UTF-8 text; the fields of those bound to a record are checked too. */
    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    /**
     * @return the body to bind: as sent, or without the fields that have a violation (which are held,
     *         {@link InputViolations})
     * @throws MalformedBodyException if the body is not UTF-8 text, holds a NUL byte or is the JSON literal
     *                                {@code null} (answered with a 400)
     */
    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        // The body is at most forum.http.max-body-size (RequestBodyLimitFilter): reading it whole is bounded.
        byte[] body = input.getBody().readAllBytes();
        Optional<String> notUtf8 = Utf8Body.fault(body);
        if (notUtf8.isPresent()) {
            throw new MalformedBodyException(notUtf8.get());
        }
        if (isJsonNull(body)) {
            // Jackson binds it to no object at all, which Spring would answer as a body that is missing.
            throw new MalformedBodyException("The request body must be a JSON object, not null");
        }
        if (!(targetType instanceof Class<?> record && record.isRecord())) {
            return message(input.getHeaders(), body);
        }
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        List<FieldViolation> violations = check(body, record, kept);
        if (violations.isEmpty()) {
            return message(input.getHeaders(), body);
        }
        InputViolations.hold(violations);
        ObjectNode rest = json.createObjectNode();
        kept.forEach(rest::set);
        return message(input.getHeaders(), json.writeValueAsBytes(rest));
    }

    /**
     * @param body   the body's bytes
     * @param record the type it is bound to
     * @param kept   filled with the fields that can be read, when there is a violation
     * @return a violation per field that cannot be read as its component's type or is not a component; empty when
     *         there is none, or when the body is not a well-formed JSON object (binding then says why)
     */
    List<FieldViolation> check(byte[] body, Class<?> record, Map<String, JsonNode> kept) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException notWellFormed) {
            return List.of();
        }
        if (!(tree instanceof ObjectNode object)) {
            return List.of();
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                violations.add(JsonInputProblems.unknownField(field.getKey(), List.copyOf(components.keySet())));
                continue;
            }
            try {
                json.readerFor(json.constructType(component.getGenericType())).readValue(field.getValue());
                kept.put(field.getKey(), field.getValue());
            } catch (JacksonException wrong) {
                violations.add(JsonInputProblems.fieldViolation(field.getKey(), wrong));
            }
        }
        return violations;
    }

    /** Whether the body is {@code null} with only JSON's white space (RFC 8259 2) around it. */
    private static boolean isJsonNull(byte[] body) {
        int start = 0;
        int end = body.length;
        while (start < end && isJsonSpace(body[start])) {
            start++;
        }
        while (end > start && isJsonSpace(body[end - 1])) {
            end--;
        }
        return end - start == 4 && body[start] == 'n' && body[start + 1] == 'u' && body[start + 2] == 'l'
                && body[start + 3] == 'l';
    }

    private static boolean isJsonSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

        private static HttpInputMessage message(HttpHeaders headers, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
