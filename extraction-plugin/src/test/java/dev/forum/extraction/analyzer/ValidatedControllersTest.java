package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * A {@code @Validated} controller's contract is validated by Spring's method validation in process and by Spring MVC
 * over HTTP: one line per controller, read from compiled classes as the analyzer reads them, and none where the run
 * time validates the same both ways.
 */
class ValidatedControllersTest {

    private static final String PACKAGE = ValidatedControllersTest.class.getName() + "$";
    private static final String TAIL = " 500 (the interceptor's ConstraintViolationException), which the caller gets as a"
            + " RemoteModuleException (502)";

    record ReserveRequest(@NotBlank String sku, @Positive int quantity) {
    }

    /** user12's inventory: a read contract and one extending it, one controller serving both. */
    @HttpExchange("/api/inventory")
    interface InventoryReadApi {
        @GetExchange("/stock/{sku}")
        int stock(@PathVariable("sku") String sku);
    }

    @HttpExchange("/api/inventory")
    interface InventoryApi extends InventoryReadApi {
        @PostExchange("/reservations")
        String reserve(@Valid @RequestBody ReserveRequest request);

        @PatchExchange("/stock/{sku}")
        int adjust(@PathVariable("sku") String sku, @RequestParam("delta") @Min(-100) @Max(100) int delta);

        @GetExchange("/skus")
        List<String> skus(@RequestParam("names") List<@NotBlank String> names);
    }

    abstract static class Base implements InventoryApi {
        @Override
        public int stock(String sku) {
            return 0;
        }

        @Override
        public String reserve(ReserveRequest request) {
            return "r";
        }

        @Override
        public int adjust(String sku, int delta) {
            return delta;
        }

        @Override
        public List<String> skus(List<String> names) {
            return names;
        }
    }

    @RestController
    @Validated
    static class InventoryController extends Base {
    }

    /** The same without @Validated: the run time validates it as Spring MVC does, the same both ways. */
    @RestController
    static class PlainController extends Base {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Validated
    @interface Checked {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Checked
    @interface CheckedController {
    }

    /** @Validated two annotations down. */
    @RestController
    @CheckedController
    static class MetaController extends Base {
    }

    /** @Validated inherited from a superclass. */
    @Validated
    abstract static class ValidatedBase extends Base {
    }

    @RestController
    static class SubController extends ValidatedBase {
    }

    /** @Validated on the contract: Spring finds it on an interface too. */
    @Validated
    @HttpExchange("/api/prices")
    interface PriceApi {
        @GetExchange("/{sku}")
        int price(@PathVariable("sku") @NotBlank String sku);
    }

    @RestController
    static class PriceController implements PriceApi {
        @Override
        public int price(String sku) {
            return 1;
        }
    }

    /** A @Validated controller whose contract declares no check: nothing differs. */
    @HttpExchange("/api/plain")
    interface LooseApi {
        @PostExchange
        void take(@RequestBody ReserveRequest request, @RequestParam("n") int n);
    }

    @RestController
    @Validated
    static class LooseController implements LooseApi {
        @Override
        public void take(ReserveRequest request, int n) {
        }
    }

    @Test
    void aValidatedControllerIsOneLineNamingItsBodiesAndItsParametersAcrossItsContracts() {
        String line = PACKAGE + "InventoryController is @Validated, so Spring's method validation, not the library's,"
                + " checks in-process calls of InventoryApi.adjust, InventoryApi.reserve, InventoryApi.skus: in process an"
                + " invalid argument throws Spring's ConstraintViolationException to the caller (its request answered 500"
                + " unless it handles that), over HTTP Spring MVC refuses an invalid @Valid body of InventoryApi.reserve"
                + " with 400, which the caller gets as a RemoteErrorResponseException (400), and the module answers an"
                + " invalid parameter of InventoryApi.adjust, InventoryApi.skus" + TAIL + "; remove @Validated from"
                + " InventoryController: then an invalid call is refused with 400 both ways (InvalidContractBodyException"
                + " or HandlerMethodValidationException in process, the same status remote)";
        assertEquals(List.of(line), ValidatedControllers.lines(InventoryApi.class, List.of(InventoryController.class), List.of(), true));
        assertEquals(List.of(), ValidatedControllers.lines(InventoryReadApi.class, List.of(InventoryController.class), List.of(), true),
                "the read contract's method declares no check");
        assertEquals(List.of(), ValidatedControllers.lines(InventoryApi.class, List.of(PlainController.class), List.of(), true),
                "without @Validated the run time validates in process as Spring MVC does over HTTP");
        assertEquals(List.of(), ValidatedControllers.lines(LooseApi.class, List.of(LooseController.class), List.of(), true),
                "@Validated, but nothing to check");
    }

    @Test
    void validatedIsFoundAsSpringFindsItAndTheLineSaysWhere() {
        assertEquals("@CheckedController on MetaController", ValidatedControllers.validated(MetaController.class)
                .orElseThrow());
        assertEquals("ValidatedBase, its superclass", ValidatedControllers.validated(SubController.class).orElseThrow());
        assertEquals("PriceApi, its interface", ValidatedControllers.validated(PriceController.class).orElseThrow());
        assertEquals("InventoryController", ValidatedControllers.validated(InventoryController.class).orElseThrow());
        assertEquals(false, ValidatedControllers.validated(PlainController.class).isPresent());

        assertEquals(List.of(PACKAGE + "PriceController is @Validated (from PriceApi, its interface), so Spring's method"
                + " validation, not the library's, checks in-process calls of PriceApi.price: in process an invalid"
                + " argument throws Spring's ConstraintViolationException to the caller (its request answered 500 unless it"
                + " handles that), over HTTP the module answers an invalid parameter of PriceApi.price" + TAIL
                + "; remove @Validated from PriceApi, its interface: then an invalid call is refused with 400 both ways"
                + " (InvalidContractBodyException or HandlerMethodValidationException in process, the same status remote)"),
                ValidatedControllers.lines(PriceApi.class, List.of(PriceController.class), List.of(), true));
    }

    /** Two controllers of one contract, one of them @Validated: its line alone, once per controller. */
    @Test
    void eachValidatedControllerOfTheContractIsALineOfItsOwn() {
        List<String> lines = ValidatedControllers.lines(InventoryApi.class, List.of(PlainController.class,
                MetaController.class, SubController.class), List.of(), true);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals(true, lines.get(0).startsWith(PACKAGE + "MetaController is @Validated (from @CheckedController on"
                + " MetaController), so"), lines.get(0));
        assertEquals(true, lines.get(1).startsWith(PACKAGE + "SubController is @Validated (from ValidatedBase, its"
                + " superclass), so"), lines.get(1));
    }

    /** The usual @Validated application's advice: its parameter checks answered 400, in every process. */
    @RestControllerAdvice
    static class ViolationAdvice {
        @ExceptionHandler(ConstraintViolationException.class)
        ResponseEntity<String> violations() {
            return ResponseEntity.badRequest().build();
        }
    }

    /** The same through the supertype, as a parameter of the handler. */
    @RestControllerAdvice
    static class BroadAdvice {
        @ExceptionHandler
        ResponseEntity<String> invalid(ValidationException invalid) {
            return ResponseEntity.badRequest().build();
        }
    }

    /** Limited to the controller: it answers over HTTP only, which is the 500/502 line's case still. */
    @RestControllerAdvice(assignableTypes = InventoryController.class)
    static class InventoryAdvice {
        @ExceptionHandler(ConstraintViolationException.class)
        ResponseEntity<String> violations() {
            return ResponseEntity.badRequest().build();
        }
    }

    /** A catch-all of every controller is no answer to validation: the 500/502 line stays. */
    @RestControllerAdvice
    static class CatchAllAdvice {
        @ExceptionHandler(RuntimeException.class)
        ResponseEntity<String> failed() {
            return ResponseEntity.internalServerError().build();
        }
    }

    @Test
    void anAdviceForEveryControllerHandlingTheViolationLeavesOnlyTheBodyToDifferAndWarnsOfRemovingValidated() {
        String line = PACKAGE + "InventoryController is @Validated, so Spring's method validation, not the library's,"
                + " checks in-process calls of InventoryApi.adjust, InventoryApi.reserve, InventoryApi.skus;"
                + " ViolationAdvice.violations (of an advice for every controller) answers the ConstraintViolationException"
                + " both ways, in the caller's process and in the module's (relayed to the caller), but an invalid @Valid"
                + " body of InventoryApi.reserve differs: over HTTP Spring MVC refuses it before the method with"
                + " MethodArgumentNotValidException (400), which ViolationAdvice.violations does not handle and the caller"
                + " gets as a RemoteErrorResponseException (400), in process ViolationAdvice.violations answers it; to"
                + " answer alike, handle MethodArgumentNotValidException in an advice for every controller with the answer"
                + " of ViolationAdvice.violations; do not remove @Validated from InventoryController to mend it: that"
                + " takes the calls of InventoryApi.adjust, InventoryApi.reserve, InventoryApi.skus away from"
                + " ViolationAdvice.violations (Spring MVC and the library then refuse them with"
                + " MethodArgumentNotValidException or InvalidContractBodyException, and HandlerMethodValidationException)";
        assertEquals(List.of(line), ValidatedControllers.lines(InventoryApi.class, List.of(InventoryController.class),
                List.of(InventoryAdvice.class, ViolationAdvice.class, CatchAllAdvice.class), true));
        assertEquals(List.of(line.replace("ViolationAdvice.violations", "BroadAdvice.invalid")),
                ValidatedControllers.lines(InventoryApi.class, List.of(InventoryController.class), List.of(BroadAdvice.class),
                        true), "a handler of the supertype ValidationException answers it too");
        assertEquals(List.of(), ValidatedControllers.lines(PriceApi.class, List.of(PriceController.class),
                List.of(ViolationAdvice.class), true), "a parameter's constraint only: the same answer both ways");
    }

    @Test
    void aLimitedAdviceOrACatchAllLeavesThe500And502Line() {
        List<String> plain = ValidatedControllers.lines(InventoryApi.class, List.of(InventoryController.class), List.of(),
                true);
        assertEquals(plain, ValidatedControllers.lines(InventoryApi.class, List.of(InventoryController.class),
                List.of(InventoryAdvice.class, CatchAllAdvice.class), true));
        assertEquals(true, plain.get(0).contains(TAIL), plain.get(0));
    }

    /**
     * Spring Boot validates only with its {@code ValidationAutoConfiguration} (spring-boot-starter-validation) and its
     * conditions: a provider's service file and the Bean Validation API. {@code hibernate-validator} as a dependency of
     * its own brings the provider and the API, not the auto-configuration: nothing validates.
     */
    @Test
    void withoutABeanValidationProviderNothingValidatesAndNothingDiffers(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), ValidatedControllers.lines(InventoryApi.class, List.of(InventoryController.class),
                List.of(), false));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals(false, ValidatedControllers.validates(loader));
            write(dir, ValidatedControllers.PROVIDER, "org.hibernate.validator.HibernateValidator\n");
            write(dir, ValidatedControllers.EXECUTABLE_VALIDATOR, "");
            assertEquals(false, ValidatedControllers.validates(loader),
                    "hibernate-validator alone: no ValidationAutoConfiguration, no MethodValidationPostProcessor");
            write(dir, ValidatedControllers.AUTO_CONFIGURATION, "");
            assertEquals(true, ValidatedControllers.validates(loader), "spring-boot-starter-validation's three");
            Files.delete(dir.resolve(ValidatedControllers.PROVIDER));
            assertEquals(false, ValidatedControllers.validates(loader), "the auto-configuration without a provider");
        }
    }

    private static void write(Path dir, String resource, String text) throws Exception {
        Path file = dir.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
