package forum.platform.web.problem;

import forum.platform.FieldViolation;
import forum.platform.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * The {@code errors} member of a problem about input fields, as every layer writes it: one object per violation
 * whose members are {@code field}, then {@code message} (the README's order; member order is part of the contract,
 * as {@link ProblemMemberOrder}'s is for the problem's own members). Ordered maps, not {@code Map.of}, whose order
 * follows the keys' hashes: that one wrote {@code message} first.
 */
public final class ProblemErrors {

    private ProblemErrors() {
    }

    /**
     * Sets {@code problem}'s {@link ProblemType#ERRORS} member to {@code violations}.
     *
     * @param problem    the problem about input fields
     * @param violations the violations, in the order told; only the first {@link ValidationException#LISTED} are set
     */
    public static void set(ProblemDetail problem, List<FieldViolation> violations) {
        problem.setProperty(ProblemType.ERRORS, of(violations));
    }

    /**
     * @param violations the violations, in the order told
     * @return the first {@link ValidationException#LISTED} of them, each as {@code {"field": ..., "message": ...}} in
     *         that order
     */
    public static List<Map<String, String>> of(List<FieldViolation> violations) {
        return violations.stream().limit(ValidationException.LISTED).map(violation -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", violation.field());
            error.put("message", violation.message());
            return error;
        }).toList();
    }
}
