package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * What of a contract's call differs in process and over HTTP, read from compiled classes as the analyzer reads them: a
 * contract's lines in their order, its parameters' and return type's. Which contracts a handler or exception concerns:
 * {@link HandlerDifferencesTest}; what a remote caller gets in place of an exception: {@link ExceptionAnswersTest}.
 */
class ContractDifferencesTest {

    private static final Predicate<String> OWN = name -> name.startsWith("dev.forum.extraction.");
    /** Reads what a controller can throw from the compiled classes of this package, as the analyzer reads the application's. */
    static final ContractDifferences DIFFERENCES = new ContractDifferences(OWN, new ReachableExceptions(
            new ClassFileImporter().importPackagesOf(ContractDifferencesTest.class).stream().toList(), OWN));

    /** Declared by StockApi.reserve, neither handled nor marked as an answer: the module answers 500. */
    static class OutOfStock extends Exception {
    }

    @ResponseStatus(HttpStatus.CONFLICT)
    static class Duplicate extends RuntimeException {
    }

    static class TooLarge extends RuntimeException {
    }

    static class Gone extends ResponseStatusException {
        Gone() {
            super(HttpStatus.GONE);
        }
    }

    /** An exception of the module its code does not mark as an answer: no line of its own. */
    static class Internal extends RuntimeException {
    }

    @HttpExchange("/api/stock")
    interface StockApi {

        @GetExchange("/levels")
        List<String> levels(@RequestParam(name = "window", defaultValue = "PT1H") Duration window,
                @RequestParam(name = "limit", defaultValue = "10") int limit);

        @GetExchange("/items/{sku:[a-z0-9-]+}")
        String find(@PathVariable("sku") String sku);

        @PostExchange("/reserve")
        void reserve(@RequestParam("sku") String sku) throws OutOfStock;

        @GetExchange("/files/{name}")
        Resource file(@PathVariable("name") String name);

        /** With a Content-Disposition the controller may set, which Spring's client gives as getFilename(): no line. */
        @GetExchange("/documents/{name}")
        ResponseEntity<Resource> document(@PathVariable("name") String name);
    }

    /** Where StockController finds its items: through an interface, as a module's service. */
    interface Shelf {
        String find(String sku);
    }

    /** Throws Gone from a lambda, two calls below the controller. */
    static class MainShelf implements Shelf {
        @Override
        public String find(String sku) {
            return java.util.Optional.ofNullable(sku).filter(s -> !s.isEmpty()).orElseThrow(() -> new Gone());
        }
    }

    @RestController
    static class StockController implements StockApi {

        private final Shelf shelf = new MainShelf();

        @Override
        public List<String> levels(Duration window, int limit) {
            return List.of();
        }

        @Override
        public String find(String sku) {
            return shelf.find(sku);
        }

        @Override
        public void reserve(String sku) {
            if (sku.length() > 100) {
                throw new TooLarge();
            }
        }

        @Override
        public Resource file(String name) {
            return java.util.Optional.<Resource>of(new ByteArrayResource(new byte[0])).filter(r -> !name.isEmpty())
                    .orElseThrow(Duplicate::new);
        }

        @Override
        public ResponseEntity<Resource> document(String name) {
            return ResponseEntity.ok(new ByteArrayResource(new byte[0]));
        }

        @ExceptionHandler(TooLarge.class)
        ResponseEntity<String> tooLarge() {
            return ResponseEntity.unprocessableEntity().build();
        }
    }

    @RestControllerAdvice(assignableTypes = StockController.class)
    static class StockAdvice {

        @ExceptionHandler
        ResponseEntity<String> duplicate(Duplicate duplicate) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
    }

    /**
     * An advice for the whole application answers the same both ways: no line of its own. In the module it answers
     * Gone, before Spring MVC reads Gone's status, which Gone's line says.
     */
    @RestControllerAdvice
    static class ApplicationAdvice {

        @ExceptionHandler
        ResponseEntity<String> any(RuntimeException failure) {
            return ResponseEntity.internalServerError().build();
        }
    }

    /** The forum's shape: defaults on primitives (the caller always passes a value), plain path variables. */
    @HttpExchange("/api/posts")
    interface PostsApi {

        @GetExchange
        List<String> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                @RequestParam(name = "offset", defaultValue = "0") int offset);

        @GetExchange("/{id}")
        String get(@PathVariable("id") long id);
    }

    @RestController
    static class PostController implements PostsApi {

        @Override
        public List<String> list(int limit, int offset) {
            return List.of();
        }

        @Override
        @GetMapping("/api/posts/{id}")
        public String get(long id) {
            return "";
        }
    }

    @Test
    void eachDifferenceIsOneLineSayingWhatDiffersAndHowToGetOneBehaviour() {
        List<String> lines = DIFFERENCES.of(StockApi.class, List.of(StockController.class),
                List.of(StockAdvice.class, ApplicationAdvice.class), List.of(Duplicate.class, Gone.class, Internal.class, OutOfStock.class));

        String prefix = ContractDifferencesTest.class.getName() + "$";
        List<String> expected = List.of(
                prefix + "StockController.tooLarge (@ExceptionHandler of ContractDifferencesTest.TooLarge) answers only over HTTP:"
                        + " an in-process caller of StockApi.reserve gets the exception itself",
                prefix + "StockAdvice (an advice limited to part of the application) answers " + prefix + "StockController's"
                        + " exceptions only over HTTP: an in-process caller of StockApi.file gets",
                prefix + "TooLarge (which StockApi.reserve can throw) reaches an in-process caller as itself",
                prefix + "Duplicate (which StockApi.file can throw) reaches an in-process caller as itself",
                prefix + "OutOfStock (which StockApi.reserve can throw) reaches an in-process caller as itself",
                prefix + "Gone (which StockApi.find can throw) reaches an in-process caller as itself",
                "StockApi.file returns a Resource: in process the caller gets the module's own",
                "StockApi.find: the regex of its path variable {sku:...} applies only over HTTP",
                "StockApi.levels: the @RequestParam(defaultValue = \"PT1H\") of its parameter 'window' applies only over HTTP:"
                        + " in process a null reaches the method; apply the default in the method's code instead of defaultValue");
        assertEquals(expected.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines.get(i).startsWith(expected.get(i)), "line " + i + ": " + lines.get(i));
        }
        assertTrue(lines.get(0).endsWith("move the handler to a @RestControllerAdvice for the whole application (no"
                + " basePackages, assignableTypes or annotations), which answers the exception in the caller's process too"), lines.get(0));
        // declared only, and neither handled nor marked: the module answers 500, a RemoteModuleException remote
        assertTrue(lines.get(4).endsWith("as itself, with its message; a remote caller gets a RemoteModuleException (502)"
                + " instead, as nothing of the module answers it (no @ExceptionHandler, no @ResponseStatus), so the module"
                + " answers 500, which no RemoteErrorDecoder sees and which counts against the module's circuit breaker;"
                + " answer it in an advice for the whole application with an @ExceptionHandler returning a ProblemDetail of a"
                + " 4xx status about the request (400, 404, 409, 410, 412, 422 or 429) and register a RemoteErrorDecoder bean"
                + " that turns that answer back into ContractDifferencesTest.OutOfStock"), lines.get(4));
        assertTrue(lines.get(3).contains("a RemoteErrorResponseException with the status StockAdvice.duplicate answers"),
                "the limited advice answers Duplicate before its @ResponseStatus does: " + lines.get(3));
        assertTrue(lines.get(5).contains("a RemoteErrorResponseException with the status ApplicationAdvice.any answers"),
                "the advice for the whole application answers Gone before its status does: " + lines.get(5));
        assertTrue(lines.stream().noneMatch(line -> line.contains("Internal") || line.startsWith(prefix + "ApplicationAdvice")
                || line.contains("'limit'") || line.contains("StockApi.document")), String.join("\n", lines));
    }

    @Test
    void aContractWhoseCallsBehaveAlikeGetsNoLine() {
        assertEquals(List.of(), DIFFERENCES.of(PostsApi.class, List.of(PostController.class), List.of(ApplicationAdvice.class),
                List.of(Internal.class)));
        assertEquals(List.of(), ContractDifferences.unnamed(PostsApi.class), "compiled with -parameters, as the build does");
    }

    @Test
    void aRegexInTheControllersMappingCountsToo() {
        List<String> lines = DIFFERENCES.of(PostsApi.class, List.of(RegexController.class), List.of(), List.of());
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("PostsApi.get: the regex of its path variable {id:...} applies only over HTTP"), lines.get(0));
    }

    @RestController
    static class RegexController implements PostsApi {

        @Override
        public List<String> list(int limit, int offset) {
            return List.of();
        }

        @Override
        @GetMapping("/api/posts/{id:\\d+}")
        public String get(long id) {
            return "";
        }
    }
}
