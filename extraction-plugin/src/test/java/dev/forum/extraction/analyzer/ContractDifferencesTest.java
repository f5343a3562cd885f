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

/** What of a contract's call differs in process and over HTTP, read from compiled classes as the analyzer reads them. */
class ContractDifferencesTest {

    private static final Predicate<String> OWN = name -> name.startsWith("dev.forum.extraction.");
    /** Reads what a controller can throw from the compiled classes of this package, as the analyzer reads the application's. */
    private static final ContractDifferences DIFFERENCES = new ContractDifferences(OWN, new ReachableExceptions(
            new ClassFileImporter().importPackagesOf(ContractDifferencesTest.class).stream().toList(), OWN));

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

    /** An advice for the whole application answers the same both ways: no line. */
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
        assertTrue(lines.get(4).contains("spring.mvc.problemdetails.enabled=true") && lines.get(4).endsWith("RemoteErrorDecoder bean"
                + " that turns that answer back into ContractDifferencesTest.OutOfStock"), lines.get(4));
        assertTrue(lines.stream().noneMatch(line -> line.contains("Internal") || line.contains("ApplicationAdvice")
                || line.contains("'limit'") || line.contains("StockApi.document")), String.join("\n", lines));
    }

    @Test
    void aContractWhoseCallsBehaveAlikeGetsNoLine() {
        assertEquals(List.of(), DIFFERENCES.of(PostsApi.class, List.of(PostController.class), List.of(ApplicationAdvice.class),
                List.of(Internal.class)));
        assertEquals(List.of(), ContractDifferences.unnamed(PostsApi.class), "compiled with -parameters, as the build does");
    }

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
    @RestControllerAdvice(basePackageClasses = ContractDifferencesTest.class)
    static class PackageAdvice {

        @ExceptionHandler
        ResponseEntity<String> gone(Gone gone) {
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
    }

    @Test
    void anExtendedContractGetsOnlyWhatItsMethodsMeetInTheSameLinesAsTheContractExtendingIt() {
        List<Class<?>> exceptions = List.of(Duplicate.class, Gone.class, Internal.class);
        List<String> read = DIFFERENCES.of(CatalogReadApi.class, List.of(CatalogController.class), List.of(PackageAdvice.class),
                exceptions);
        List<String> catalog = DIFFERENCES.of(CatalogApi.class, List.of(CatalogController.class), List.of(PackageAdvice.class),
                exceptions);

        assertEquals(1, read.size(), String.join("\n", read));
        assertTrue(read.get(0).startsWith("CatalogReadApi.find: the regex of its path variable {sku:...}"), read.get(0));
        String prefix = ContractDifferencesTest.class.getName() + "$";
        List<String> expected = List.of(
                prefix + "PackageAdvice (an advice limited to part of the application) answers " + prefix + "CatalogController's"
                        + " exceptions only over HTTP: an in-process caller of CatalogApi.delete gets",
                prefix + "Gone (which CatalogApi.delete can throw) reaches",
                prefix + "Duplicate (which CatalogApi.create can throw) reaches",
                read.get(0));
        assertEquals(expected.size(), catalog.size(), String.join("\n", catalog));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(catalog.get(i).startsWith(expected.get(i)), "line " + i + ": " + catalog.get(i));
        }
        // no handler answers Duplicate, a class annotated @ResponseStatus: Spring Boot's error JSON under either setting
        assertTrue(catalog.get(2).endsWith("without the message, as the module answers a class annotated @ResponseStatus"
                + " with Spring Boot's error JSON whether spring.mvc.problemdetails.enabled is on or off; have the module"
                + " answer it as a problem document (an @ExceptionHandler returning a ProblemDetail in an advice for the"
                + " whole application; or extend ErrorResponseException and set spring.mvc.problemdetails.enabled=true)"
                + " and register a RemoteErrorDecoder bean that turns that answer back into ContractDifferencesTest.Duplicate"),
                catalog.get(2));
        assertTrue(catalog.get(1).contains("without the message when the module answers Spring Boot's error JSON (problem"
                + " details off); have the module answer it as a problem document (spring.mvc.problemdetails.enabled=true"
                + " answers ResponseStatusException"), "a ResponseStatusException is a problem document under the property: "
                + catalog.get(1));
    }

    @Test
    void aContractWhoseControllerMeetsNoneOfTheModulesExceptionsGetsNoLineForThem() {
        assertEquals(List.of(), DIFFERENCES.of(BadApi.class, List.of(BadController.class),
                List.of(StockAdvice.class, PackageAdvice.class), List.of(Duplicate.class, Gone.class, Internal.class, OutOfStock.class)));
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
        assertTrue(lines.get(0).startsWith(ContractDifferencesTest.class.getName() + "$CarefulController.broken (@ExceptionHandler"
                + " of IllegalStateException) answers only over HTTP: an in-process caller of every method of CatalogReadApi gets"),
                lines.get(0));
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
