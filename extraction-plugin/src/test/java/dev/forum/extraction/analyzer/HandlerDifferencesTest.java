package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.analyzer.ContractDifferencesTest.Duplicate;
import dev.forum.extraction.analyzer.ContractDifferencesTest.Gone;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Which handlers and exceptions concern which contract: a handler or exception only the contracts whose methods can meet
 * it, a contract it extends sharing its lines, a library's exception every method ({@link HandlerDifferences}). The
 * exceptions are {@link ContractDifferencesTest}'s.
 */
class HandlerDifferencesTest {

    private static final ContractDifferences DIFFERENCES = ContractDifferencesTest.DIFFERENCES;

    /** user12's shape: a contract that extends a read contract, one controller serving both. */
    @HttpExchange("/api/catalog")
    interface CatalogReadApi {

        @GetExchange("/products/{sku:[a-z]+}")
        String find(@PathVariable("sku") String sku);

        @GetExchange("/products")
        List<String> list();
    }

    @HttpExchange("/api/catalog")
    interface CatalogApi extends CatalogReadApi {

        @PostExchange("/products")
        void create(@RequestParam("sku") String sku);

        @PostExchange("/products/{sku}/remove")
        void delete(@PathVariable("sku") String sku);
    }

    @RestController
    static class CatalogController implements CatalogApi {

        @Override
        public String find(String sku) {
            return sku;
        }

        @Override
        public List<String> list() {
            return List.of();
        }

        @Override
        public void create(String sku) {
            throw new Duplicate();
        }

        @Override
        public void delete(String sku) {
            remove(sku);
        }

        private void remove(String sku) {
            throw new Gone();
        }
    }

    /** user12's BadApi: a contract of the same module whose controller throws none of the module's exceptions. */
    @HttpExchange("/api/bad")
    interface BadApi {

        @GetExchange("/ping")
        String ping();
    }

    @RestController
    static class BadController implements BadApi {

        @Override
        public String ping() {
            return "pong";
        }
    }

    /** An advice limited to the whole package: it applies to every controller here. */
    @RestControllerAdvice(basePackageClasses = HandlerDifferencesTest.class)
    static class PackageAdvice {

        @ExceptionHandler
        ResponseEntity<String> gone(Gone gone) {
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
    }

    @Test
    void anExtendedContractGetsOnlyWhatItsMethodsMeetInTheSameLinesAsTheContractExtendingIt() {
        List<Class<?>> exceptions = List.of(ContractDifferencesTest.Duplicate.class, ContractDifferencesTest.Gone.class,
                ContractDifferencesTest.Internal.class);
        List<String> read = DIFFERENCES.of(CatalogReadApi.class, List.of(CatalogController.class), List.of(PackageAdvice.class),
                exceptions);
        List<String> catalog = DIFFERENCES.of(CatalogApi.class, List.of(CatalogController.class), List.of(PackageAdvice.class),
                exceptions);

        assertEquals(1, read.size(), String.join("\n", read));
        assertTrue(read.get(0).startsWith("CatalogReadApi.find: the regex of its path variable {sku:...}"), read.get(0));
        String prefix = HandlerDifferencesTest.class.getName() + "$";
        String fixtures = ContractDifferencesTest.class.getName() + "$";
        List<String> expected = List.of(
                prefix + "PackageAdvice (an advice limited to part of the application) answers " + prefix + "CatalogController's"
                        + " exceptions only over HTTP: an in-process caller of CatalogApi.delete gets",
                fixtures + "Gone (which CatalogApi.delete can throw) reaches",
                fixtures + "Duplicate (which CatalogApi.create can throw) reaches",
                read.get(0));
        assertEquals(expected.size(), catalog.size(), String.join("\n", catalog));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(catalog.get(i).startsWith(expected.get(i)), "line " + i + ": " + catalog.get(i));
        }
        // no handler answers Duplicate, a class annotated @ResponseStatus: Spring Boot's error JSON under either setting
        assertTrue(catalog.get(2).endsWith("a remote caller gets a RemoteErrorResponseException with status 409 instead,"
                + " without the message, as the module answers a class annotated @ResponseStatus"
                + " with Spring Boot's error JSON whether spring.mvc.problemdetails.enabled is on or off; have the module"
                + " answer it as a problem document (an @ExceptionHandler returning a ProblemDetail in an advice for the"
                + " whole application; or extend ErrorResponseException and set spring.mvc.problemdetails.enabled=true)"
                + " and register a RemoteErrorDecoder bean that turns that answer back into ContractDifferencesTest.Duplicate"),
                catalog.get(2));
        // the limited advice answers Gone (with a ResponseEntity, whose status only the run time knows) before Spring MVC
        // reads Gone's own status, so the property does not matter
        assertTrue(catalog.get(1).endsWith("with its message; a remote caller gets a RemoteErrorResponseException with the"
                + " status PackageAdvice.gone answers instead (a RemoteModuleException, 502, for a 5xx, which counts against"
                + " the module's circuit breaker), without the message unless that answer is a problem document carrying it;"
                + " have PackageAdvice.gone answer it with a ProblemDetail of a 4xx status about the request (400, 404, 409,"
                + " 410, 412, 422 or 429) and register a RemoteErrorDecoder bean that turns that answer back into"
                + " ContractDifferencesTest.Gone"), catalog.get(1));
    }

    @Test
    void aContractWhoseControllerMeetsNoneOfTheModulesExceptionsGetsNoLineForThem() {
        assertEquals(List.of(), DIFFERENCES.of(BadApi.class, List.of(BadController.class),
                List.of(ContractDifferencesTest.StockAdvice.class, PackageAdvice.class), List.of(ContractDifferencesTest.Duplicate.class,
                ContractDifferencesTest.Gone.class, ContractDifferencesTest.Internal.class, ContractDifferencesTest.OutOfStock.class)));
    }

    @RestController
    static class CarefulController implements CatalogReadApi {

        @Override
        public String find(String sku) {
            return sku;
        }

        @Override
        public List<String> list() {
            return List.of();
        }

        @ExceptionHandler(IllegalStateException.class)
        ResponseEntity<String> broken() {
            return ResponseEntity.internalServerError().build();
        }
    }

    /** Library code may throw a library's exception anywhere: its handler concerns every method. */
    @Test
    void aHandlerOfALibrarysExceptionConcernsEveryMethod() {
        List<String> lines = DIFFERENCES.of(CatalogReadApi.class, List.of(CarefulController.class), List.of(), List.of());

        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith(HandlerDifferencesTest.class.getName() + "$CarefulController.broken (@ExceptionHandler"
                + " of IllegalStateException) answers only over HTTP: an in-process caller of every method of CatalogReadApi gets"),
                lines.get(0));
    }
}
