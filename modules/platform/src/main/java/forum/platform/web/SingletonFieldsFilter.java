package forum.platform.web;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 ({@code bad-request}) a request that sends a single-valued header field the application reads
 * more than once: the servlet API hands out the first and ignores the rest, so two {@code Content-Type} fields
 * (JSON, then text) were read as whichever a proxy happened to put first. RFC 9110 (section 5.3) allows a field to
 * be repeated only if its value is a list. The other singletons the forum reads are refused elsewhere: Tomcat
 * refuses two {@code Content-Length} or {@code Host} fields before any filter, and security refuses two
 * {@code Authorization} fields with RFC 6750's {@code invalid_request}. Runs on every route, before security.
 * <p>
 * {@code Expect} is a list, but Tomcat reads only its first field line: {@code Expect: 100-continue} and then
 * {@code Expect: foo} was taken as {@code 100-continue}, though the same members on one line get Tomcat's 417. Field
 * lines are one comma-joined list (RFC 9110 5.3), and the only list Tomcat takes is the one member
 * {@code 100-continue}, so more than one {@code Expect} line is answered 417 ({@code expectation-failed}) here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class SingletonFieldsFilter extends OncePerRequestFilter {

    /** The single-valued fields this filter guards. */
    static final List<String> SINGLETONS = List.of(HttpHeaders.CONTENT_TYPE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int expectLines = count(request.getHeaders(HttpHeaders.EXPECT));
        if (expectLines > 1) {
            ProblemResponses.write(request, response, ProblemType.EXPECTATION_FAILED.problem("The Expect header field"
                    + " is sent " + expectLines + " times; the only expectation this server meets is 100-continue, alone:"
                    + " send Expect: 100-continue once, or leave the header out"));
            return;
        }
        Optional<String> repeated = repeated(request);
        if (repeated.isPresent()) {
            ProblemResponses.write(request, response, problem(repeated.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * @param request a request
     * @return the first of {@link #SINGLETONS} the request sends more than once; empty if it sends each at most once
     */
    static Optional<String> repeated(HttpServletRequest request) {
        for (String name : SINGLETONS) {
            Enumeration<String> fields = request.getHeaders(name);
            if (fields != null && fields.hasMoreElements()) {
                fields.nextElement();
                if (fields.hasMoreElements()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static int count(Enumeration<String> fields) {
        int lines = 0;
        while (fields != null && fields.hasMoreElements()) {
            fields.nextElement();
            lines++;
        }
        return lines;
    }

    /** The 400 problem for a single-valued field sent more than once. */
    static ProblemDetail problem(String name) {
        return ProblemType.BAD_REQUEST.problem("The " + name + " header field is sent more than once; it takes one"
                + " value: send it exactly once");
    }
}
