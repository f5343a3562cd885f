package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemErrors;

import forum.platform.FieldViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what is wrong with a request body that could not be read, in the client's terms: no Java class or
 * Jackson name reaches the client. A body that is not JSON, or is JSON of another shape than an object, is a
 * {@link ProblemType#MALFORMED_REQUEST}; a field of the wrong type, an unknown field or a field given twice is a
 * {@link ProblemType#VALIDATION} problem whose {@code errors} name the field and say what it must be.
 */
public final class JsonInputProblems {

    /** Jackson's message for a field given twice ({@code STRICT_DUPLICATE_DETECTION}). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"(.*)\"");

    /** The value of the limit that a {@link StreamConstraintsException} says was passed. */
    private static final Pattern LIMIT = Pattern.compile("exceeds the maximum allowed \\((\\d+)");

    private JsonInputProblems() {
    }

    /** A problem for a body that is missing ({@code failure} is null) or could not be read. */
    public static ProblemDetail problem(JacksonException failure) {
        if (failure == null) {
            return ProblemType.MALFORMED_REQUEST.problem("The request body is missing: send a JSON object");
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(failure.getOriginalMessage()));
        if (duplicate.find()) {
            return invalid(new FieldViolation(join(objectPath(failure), duplicate.group(1)), "is given more than once"));
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String field = join(parentPath(unknown), unknown.getPropertyName());
            return invalid(unknownField(field, unknown.getKnownPropertyIds()));
        }
        String path = pathOf(failure);
        if (failure instanceof StreamConstraintsException) {
            // Valid JSON past the parser's limits: not "not valid JSON", which would send the client looking for a
            // syntax error. The exception names no field.
            return ProblemType.MALFORMED_REQUEST.problem(pastLimit(failure.getOriginalMessage())
                    + at(failure.getLocation()));
        }
        if (path.isEmpty() || (failure instanceof StreamReadException && !(failure instanceof InputCoercionException))) {
            return malformed(failure);
        }
        return invalid(new FieldViolation(path, expectation(failure)));
    }

    /**
     * Which limit of the parser (Jackson's {@code StreamReadConstraints}) a body passed, and the limit: the message
     * names the limit's getter ({@code from StreamReadConstraints.getMaxNestingDepth()}) and its value
     * ({@code exceeds the maximum allowed (500, ...}).
     *
     * @param message the constraint failure's message
     * @return the detail, without the location
     */
    static String pastLimit(String message) {
        String text = String.valueOf(message);
        Matcher allowed = LIMIT.matcher(text);
        String limit = allowed.find() ? allowed.group(1) : null;
        if (limit == null) {
            return "The request body is past one of the limits of what is read (its length, nesting or numbers)";
        }
        if (text.contains("getMaxNumberLength")) {
            return "The request body holds a number of more than " + limit + " digits";
        }
        if (text.contains("getMaxNestingDepth")) {
            return "The request body nests arrays and objects more than " + limit + " deep";
        }
        if (text.contains("getMaxNameLength")) {
            return "The request body holds a field name of more than " + limit + " characters";
        }
        if (text.contains("getMaxStringLength")) {
            return "The request body holds a string of more than " + limit + " characters";
        }
        if (text.contains("getMaxDocumentLength")) {
            return "The request body is longer than " + limit + " characters";
        }
        if (text.contains("getMaxTokenCount")) {
            return "The request body holds more than " + limit + " tokens (names, values and brackets)";
        }
        return "The request body holds a number whose exponent is past " + limit; // BigDecimal scale, the one left
    }

    /**
     * A field's value that could not be read as its type, read alone ({@link BodyFieldPrecheck}).
     *
     * @param field   the field's name in the body
     * @param failure why its value could not be read
     * @return the field (with the path inside its value, if any) and what it must be
     */
    static FieldViolation fieldViolation(String field, JacksonException failure) {
        String inner = pathOf(failure);
        return new FieldViolation(inner.isEmpty() ? field : inner.startsWith("[") ? field + inner : field + "." + inner,
                expectation(failure));
    }

    /** The violation of a field the request does not have, given the fields it has. */
    static FieldViolation unknownField(String field, Collection<?> known) {
        String message = "is not a field of this request" + known(known);
        return new FieldViolation(field, field.isEmpty() ? "a field with an empty name " + message : message);
    }

    private static ProblemDetail malformed(JacksonException failure) {
        if (String.valueOf(failure.getOriginalMessage()).startsWith("Trailing token")) {
            return ProblemType.MALFORMED_REQUEST.problem("The request body must hold one JSON object and nothing after it"
                    + at(failure.getLocation()));
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getCurrentToken() != null
                && !(failure instanceof StreamReadException)) {
            return ProblemType.MALFORMED_REQUEST.problem("The request body must be a JSON object, not "
                    + shape(mismatch.getCurrentToken()));
        }
        if (failure instanceof MismatchedInputException && String.valueOf(failure.getOriginalMessage()).contains("No content")) {
            return ProblemType.MALFORMED_REQUEST.problem("The request body is missing: send a JSON object");
        }
        return ProblemType.MALFORMED_REQUEST.problem("The request body is not valid JSON" + at(failure.getLocation()));
    }

    private static String expectation(JacksonException failure) {
        if (failure instanceof ValueInstantiationException || causedBy(failure, IllegalArgumentException.class)) {
            return "must be a positive whole number";
        }
        if (failure instanceof InputCoercionException || failure.getCause() instanceof InputCoercionException
                || (failure instanceof MismatchedInputException tooLarge && tooLarge.getCurrentToken() == JsonToken.VALUE_NUMBER_INT
                    && tooLarge.getTargetType() != null && isWholeNumber(tooLarge.getTargetType()))) {
            // A whole number where the field takes one is read; one that reaches here does not fit a long.
            return "must be a whole number from 1 to " + Long.MAX_VALUE;
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String shape = mismatch.getCurrentToken() == null ? null : sentShape(mismatch.getCurrentToken());
            String sent = shape == null ? "" : ", not " + shape;
            return "must be " + expected(mismatch.getTargetType()) + sent;
        }
        return "has the wrong type or value";
    }

    /** What a field of this Java type is called in JSON. */
    private static String expected(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (isWholeNumber(type)) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        return "an object";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == long.class || type == int.class || type == Long.class || type == Integer.class || isIdType(type);
    }

    /** The modules' id types ({@code UserId}, ...): records of one {@code long}, written as a bare number. */
    private static boolean isIdType(Class<?> type) {
        return type.isRecord() && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getType() == long.class;
    }

    /**
     * What a field's value was, from the token binding stopped at: an id type ({@code ThreadId}, ...) reads an object
     * value past its start, so the token is then the object's end or its first name, both inside an object.
     */
    private static String sentShape(JsonToken token) {
        return token == JsonToken.END_OBJECT || token == JsonToken.PROPERTY_NAME ? "an object" : shape(token);
    }

    private static String shape(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or an exponent";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }

    private static String known(Collection<?> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return " (its fields are: " + String.join(", ", new TreeSet<>(ids.stream().map(String::valueOf).toList())) + ")";
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String pathOf(JacksonException failure) {
        return path(failure.getPath());
    }

    /**
     * The path of the object a parser stopped in, from the parser's own context: binding's path stops at the last
     * field it bound, so a duplicate inside a value it skipped ({@code "extra":{"a":1,"a":2}}) would be named as if it
     * were at the top ({@code a}, not {@code extra.a}).
     */
    private static String objectPath(JacksonException failure) {
        if (!(failure.processor() instanceof JsonParser parser)) {
            return pathOf(failure);
        }
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext context = parser.streamReadContext().getParent(); context != null && !context.inRoot();
                context = context.getParent()) {
            parts.addFirst(context.inArray() ? "[" + context.getCurrentIndex() + "]" : String.valueOf(context.currentName()));
        }
        return String.join(".", parts).replace(".[", "[");
    }

        private static String parentPath(JacksonException failure) {
        List<JacksonException.Reference> references = failure.getPath();
        return path(references.isEmpty() ? references : references.subList(0, references.size() - 1));
    }

    private static String path(List<JacksonException.Reference> references) {
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference reference : references) {
            parts.add(reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static ProblemDetail invalid(FieldViolation violation) {
        ProblemDetail problem = ProblemType.VALIDATION.problem("Invalid input: " + violation);
        ProblemErrors.set(problem, List.of(violation));
        return problem;
    }
}
