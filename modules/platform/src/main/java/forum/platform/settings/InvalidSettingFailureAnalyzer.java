package forum.platform.settings;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.util.unit.DataSize;

/**
 * Prints a setting that stopped the start as Spring Boot's description and action, instead of a stack trace:
 * an {@link InvalidSettingException} anywhere in the failure's causes (its message), or a {@code @Value} setting
 * whose value is not of the parameter's type ({@code forum.users.budget.sign-ups-window=abc}: "not a duration, e.g.
 * 500ms, 15m, 1h"). Any other failure is left to the other analyzers (returns null).
 */
class InvalidSettingFailureAnalyzer implements FailureAnalyzer {

    /** How a value of each type is written, for the action. */
    private static final Map<Class<?>, String> EXAMPLES = Map.of(
            Duration.class, "a duration, e.g. 500ms, 15m or 1h",
            DataSize.class, "a size, e.g. 64KB or 32MB",
            int.class, "a whole number",
            Integer.class, "a whole number",
            long.class, "a whole number",
            Long.class, "a whole number",
            boolean.class, "true or false",
            Boolean.class, "true or false");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException invalid) {
                return new FailureAnalysis(invalid.getMessage(), "Fix the setting as the description says (README,"
                        + " \"Configuration\").", invalid);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsatisfiedDependencyException unsatisfied
                    && unsatisfied.getCause() instanceof TypeMismatchException mismatch) {
                String setting = setting(unsatisfied.getInjectionPoint());
                if (setting != null) {
                    Class<?> type = mismatch.getRequiredType();
                    String expected = expected(type);
                    return new FailureAnalysis(setting + "=" + mismatch.getValue() + " is not " + expected,
                            "Set " + setting + " to " + expected + ", or leave it out for its default.", mismatch);
                }
            }
        }
        return null;
    }

    /** What a value of {@code type} looks like: an example, or an enum's constants as a setting writes them. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        return EXAMPLES.getOrDefault(type, "a " + type.getSimpleName());
    }

    /** The property a {@code @Value("${name:default}")} parameter reads, or null for any other injection point. */
    private static String setting(InjectionPoint point) {
        Value value = point == null ? null : point.getAnnotation(Value.class);
        if (value == null || !value.value().startsWith("${") || !value.value().endsWith("}")) {
            return null;
        }
        String expression = value.value().substring(2, value.value().length() - 1);
        int colon = expression.indexOf(':');
        return colon < 0 ? expression : expression.substring(0, colon);
    }
}
