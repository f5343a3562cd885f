package forum.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The field violations of a request body found while it was read, held for the module's own rules: a body whose
 * fields have the wrong type ({@code "thread": "x"}), an id that is not positive ({@code "thread": 0}) or a field
 * the request does not have is bound with those fields left out (null), so that the module's {@link Validation}
 * still runs over the other fields and one answer lists every failing field. {@link Validation#check()} reports
 * them with its own; a transaction that would commit while any are held is refused instead
 * ({@code forum.platform.data}), so a body with a violation never writes, whichever code path it takes.
 * Held per request (Spring's request attributes); outside a request there are none.
 */
public final class InputViolations {

    private static final String ATTRIBUTE = InputViolations.class.getName();

    private InputViolations() {
    }

    /**
     * Holds violations found in the current request's body.
     *
     * @param violations one per field, in the order of the body; not empty
     */
    public static void hold(List<FieldViolation> violations) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            throw new ValidationException(violations);
        }
        request.setAttribute(ATTRIBUTE, List.copyOf(violations), RequestAttributes.SCOPE_REQUEST);
    }

    /** Whether the current request holds violations not yet reported. */
    public static boolean held() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
    }

    /**
     * The violations held for the current request merged with a module's own, and no longer held: a module
     * violation of a field that was left out for its own violation ({@code "is required"}) gives way to that one.
     *
     * @param found the module's violations, in its rules' order
     * @return the module's violations (those of left-out fields replaced), then the held ones of fields its rules
     *         did not name; {@code found} itself when none are held
     */
    public static List<FieldViolation> mergeInto(List<FieldViolation> found) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object held = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(held instanceof List<?> list)) {
            return found;
        }
        request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Map<String, FieldViolation> byField = new LinkedHashMap<>();
        for (Object violation : list) {
            FieldViolation body = (FieldViolation) violation;
            byField.putIfAbsent(body.field(), body);
        }
        List<FieldViolation> merged = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        for (FieldViolation violation : found) {
            FieldViolation body = byField.remove(violation.field());
            if (body != null) {
                merged.add(body);
                replaced.add(body.field());
            } else if (!replaced.contains(violation.field())) {
                merged.add(violation);
            }
        }
        merged.addAll(byField.values());
        return merged;
    }
}
