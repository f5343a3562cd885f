package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * What a remote caller gets in place of an exception of the module's, as its line says ({@link ExceptionAnswers}): what
 * the module answers it with, a handler (the controller's, an advice limited to it, one for the whole application, in
 * Spring MVC's order), its own status, or nothing (500), and what the run time makes of that answer.
 */
class ExceptionAnswersTest {

    private static final String IN_PROCESS = ") reaches an in-process caller as itself, with its message; ";
    private static final String BACK = " and register a RemoteErrorDecoder bean that turns that answer back into ExceptionAnswersTest.";
    private static final String ABOUT_THE_REQUEST = "a 4xx status about the request (400, 404, 409, 410, 412, 422 or 429)";

    /** Checked, declared by OrdersApi.pay. */
    static class Declined extends Exception {
    }

    /** Unchecked, declared by OrdersApi.ship. */
    static class Held extends RuntimeException {
    }

    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    static class Paused extends RuntimeException {
    }

    static class Expired extends ResponseStatusException {
        Expired() {
            super(HttpStatus.GONE);
        }
    }

    @HttpExchange("/api/orders")
    interface OrdersApi {

        @PostExchange("/{id}/pay")
        void pay(@PathVariable("id") long id) throws Declined;

        @PostExchange("/{id}/ship")
        void ship(@PathVariable("id") long id) throws Held;
    }

    /** Throws neither exception itself: only the contract's declarations make them lines. */
    @RestController
    static class OrdersController implements OrdersApi {

        @Override
        public void pay(long id) {
        }

        @Override
        public void ship(long id) {
        }
    }

    @HttpExchange("/api/plans")
    interface PlansApi {

        @PostExchange("/{id}/pause")
        void pause(@PathVariable("id") long id);

        @PostExchange("/{id}/renew")
        void renew(@PathVariable("id") long id);
    }

    @RestController
    static class PlansController implements PlansApi {

        @Override
        public void pause(long id) {
            if (id < 0) {
                throw new Paused();
            }
        }

        @Override
        public void renew(long id) {
            if (id < 0) {
                throw new Expired();
            }
        }
    }

    /** For the whole application: Declined 409, Held 503 (its closest handler), any other exception an entity's status. */
    @RestControllerAdvice
    static class ShopAdvice {

        @ExceptionHandler
        @ResponseStatus(HttpStatus.CONFLICT)
        void declined(Declined declined) {
        }

        @ExceptionHandler
        @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
        String held(Held held) {
            return "held";
        }

        @ExceptionHandler
        ResponseEntity<String> any(Exception failure) {
            return ResponseEntity.badRequest().build();
        }
    }

    @RestControllerAdvice(assignableTypes = OrdersController.class)
    static class OrdersAdvice {

        @ExceptionHandler
        @ResponseStatus(HttpStatus.PAYMENT_REQUIRED)
        void declined(Declined declined) {
        }
    }

    /** Limited to the other controller: it answers nothing of OrdersController's. */
    @RestControllerAdvice(assignableTypes = PlansController.class)
    static class PlansAdvice {

        @ExceptionHandler
        @ResponseStatus(HttpStatus.GONE)
        void declined(Declined declined) {
        }
    }

    /** Ordered before every unordered advice; answers 200 with a body. */
    @Order(1)
    @RestControllerAdvice
    static class FirstAdvice {

        @ExceptionHandler
        String declined(Declined declined) {
            return "declined";
        }
    }

    @Test
    void anExceptionOnlyDeclaredIsTheModulesFiveHundredSoARemoteModuleException() {
        List<String> lines = ContractDifferencesTest.DIFFERENCES.of(OrdersApi.class, List.of(OrdersController.class),
                List.of(PlansAdvice.class), List.of(Declined.class, Held.class));

        assertEquals(2, lines.size(), String.join("\n", lines));
        for (String exception : List.of("Declined", "Held")) {
            assertEquals("a remote caller gets a RemoteModuleException (502) instead, as nothing of the module answers it (no"
                    + " @ExceptionHandler, no @ResponseStatus), so the module answers 500, which no RemoteErrorDecoder sees and"
                    + " which counts against the module's circuit breaker; answer it in an advice for the whole application"
                    + " with an @ExceptionHandler returning a ProblemDetail of " + ABOUT_THE_REQUEST + BACK + exception,
                    remote(lines, exception));
        }
        assertTrue(lines.get(0).startsWith(ExceptionAnswersTest.class.getName() + "$Declined (which OrdersApi.pay can throw"
                + IN_PROCESS), lines.get(0));
        assertTrue(lines.stream().noneMatch(line -> line.contains("problemdetails")), "the property answers neither: " + lines);
    }

    @Test
    void anAdviceForTheWholeApplicationAnswersWithItsClosestHandlersStatus() {
        List<String> lines = ContractDifferencesTest.DIFFERENCES.of(OrdersApi.class, List.of(OrdersController.class),
                List.of(ShopAdvice.class), List.of(Declined.class, Held.class));

        assertEquals(2, lines.size(), "no line of the advice's own: " + String.join("\n", lines));
        assertEquals("a remote caller gets a RemoteErrorResponseException with status 409 instead, without the message unless"
                + " ShopAdvice.declined's answer is a problem document carrying it; have ShopAdvice.declined answer a problem"
                + " document (return a ProblemDetail)" + BACK + "Declined", remote(lines, "Declined"));
        assertEquals("a remote caller gets a RemoteModuleUnavailableException (503; a GET or HEAD retried first)"
                + " instead, as ShopAdvice.held answers 503, which no RemoteErrorDecoder sees and which counts against the"
                + " module's circuit breaker; have ShopAdvice.held answer it with a ProblemDetail of " + ABOUT_THE_REQUEST
                + BACK + "Held", remote(lines, "Held"));
    }

    @Test
    void anAdviceLimitedToTheControllerAnswersBeforeOneForTheWholeApplicationUnlessThatIsOrderedFirst() {
        List<String> limited = ContractDifferencesTest.DIFFERENCES.of(OrdersApi.class, List.of(OrdersController.class),
                List.of(ShopAdvice.class, OrdersAdvice.class), List.of(Declined.class, Held.class));

        assertEquals(3, limited.size(), String.join("\n", limited));
        assertTrue(limited.get(0).startsWith(ExceptionAnswersTest.class.getName() + "$OrdersAdvice (an advice limited to part"
                + " of the application)"), limited.get(0));
        assertEquals("a remote caller gets a RemoteModuleException (502) instead, as OrdersAdvice.declined answers 402, which"
                + " the run time takes for a fault of the call between the two processes; have OrdersAdvice.declined answer it"
                + " with a ProblemDetail of " + ABOUT_THE_REQUEST + BACK + "Declined", remote(limited, "Declined"));
        assertTrue(remote(limited, "Held").contains("as ShopAdvice.held answers 503"), "OrdersAdvice handles no Held: " + limited);

        List<String> ordered = ContractDifferencesTest.DIFFERENCES.of(OrdersApi.class, List.of(OrdersController.class),
                List.of(OrdersAdvice.class, FirstAdvice.class), List.of(Declined.class));
        assertEquals("a remote caller gets no exception but FirstAdvice.declined's answer (200) as the method's result (a"
                + " RemoteModuleException, 502, where that answer is not of the method's type); have FirstAdvice.declined"
                + " answer it with a ProblemDetail of " + ABOUT_THE_REQUEST + BACK + "Declined", remote(ordered, "Declined"));
    }

    @Test
    void anExceptionsOwnStatusAnswersWhereNoHandlerDoes() {
        List<String> lines = ContractDifferencesTest.DIFFERENCES.of(PlansApi.class, List.of(PlansController.class), List.of(),
                List.of(Paused.class, Expired.class));

        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals("a remote caller gets a RemoteModuleUnavailableException (503; a GET or HEAD retried first)"
                + " instead, as its @ResponseStatus answers 503, which no RemoteErrorDecoder sees and which counts against the"
                + " module's circuit breaker; answer it in an advice for the whole application with an @ExceptionHandler"
                + " returning a ProblemDetail of " + ABOUT_THE_REQUEST + BACK + "Paused", remote(lines, "Paused"));
        assertEquals("a remote caller gets a RemoteErrorResponseException with the module's status instead (a"
                + " RemoteModuleException, 502, for a 5xx), without the message when the module answers Spring Boot's error"
                + " JSON (problem details off); have the module answer it as a problem document"
                + " (spring.mvc.problemdetails.enabled=true answers ResponseStatusException and ErrorResponseException; an"
                + " @ExceptionHandler returning a ProblemDetail, others)" + BACK + "Expired", remote(lines, "Expired"));

        List<String> advised = ContractDifferencesTest.DIFFERENCES.of(PlansApi.class, List.of(PlansController.class),
                List.of(ShopAdvice.class), List.of(Paused.class, Expired.class));
        for (String exception : List.of("Paused", "Expired")) {
            assertTrue(remote(advised, exception).startsWith("a remote caller gets a RemoteErrorResponseException with the"
                    + " status ShopAdvice.any answers instead"), "a handler of Exception comes before the exception's status: "
                    + remote(advised, exception));
        }
    }

    /** The words of the exception's line after what an in-process caller gets. */
    private static String remote(List<String> lines, String exception) {
        String start = ExceptionAnswersTest.class.getName() + "$" + exception + " (which ";
        String line = lines.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(exception + " has no line in:\n" + String.join("\n", lines)));
        return line.substring(line.indexOf(IN_PROCESS) + IN_PROCESS.length());
    }
}
