package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.model.ModulithModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Validated} controller of a contract with checks (user12's store: {@code InventoryController}), read by the
 * analyzer in its own JVM from a compiled application and brought back through the model JSON as one of the contract's
 * {@code differences}; a controller the run time validates the same both ways gets none. The application is analysed
 * twice: with a Bean Validation provider's service file among its classes but no Spring Boot validation
 * auto-configuration (the test's class path has none), as {@code hibernate-validator} alone brings it, where
 * {@code @Validated} validates nothing and nothing differs; then with {@code ValidationAutoConfiguration} too, as
 * {@code spring-boot-starter-validation} brings it (an empty class file: the analyzer only asks for the resource).
 * Two advices for every controller handle the {@code ConstraintViolationException}: the caller's ({@code checkout})
 * does not change the inventory's line, as the inventory's service does not hold it; the pricing module's own answers
 * its contract's parameter checks both ways, so {@code PriceApi} gets no line.
 */
class ValidatedControllerForkTest {

    private static final String WEB = "@org.springframework.web.bind.annotation.";
    private static final String EXCHANGE = "@org.springframework.web.service.annotation.";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("store/StoreApplication.java", "package store; @org.springframework.modulith.Modulithic public class StoreApplication {}"),
            Map.entry("store/inventory/ReserveRequest.java", "package store.inventory; public record ReserveRequest("
                    + "@jakarta.validation.constraints.NotBlank String sku, @jakarta.validation.constraints.Positive int quantity) {}"),
            Map.entry("store/inventory/InventoryApi.java", "package store.inventory; " + EXCHANGE + "HttpExchange(\"/api/inventory\")"
                    + " public interface InventoryApi { " + EXCHANGE + "PostExchange(\"/reservations\") String reserve("
                    + "@jakarta.validation.Valid " + WEB + "RequestBody ReserveRequest request); " + EXCHANGE
                    + "PatchExchange(\"/stock/{sku}\") int adjust(" + WEB + "PathVariable(\"sku\") String sku, " + WEB
                    + "RequestParam(\"delta\") @jakarta.validation.constraints.Min(-100) @jakarta.validation.constraints.Max(100)"
                    + " int delta); }"),
            Map.entry("store/inventory/internal/InventoryController.java", "package store.inventory.internal; " + WEB
                    + "RestController @org.springframework.validation.annotation.Validated class InventoryController implements"
                    + " store.inventory.InventoryApi { public String reserve(store.inventory.ReserveRequest request) {"
                    + " return \"r\"; } public int adjust(String sku, int delta) { return delta; } }"),
            Map.entry("store/catalog/CatalogApi.java", "package store.catalog; " + EXCHANGE + "HttpExchange(\"/api/catalog\")"
                    + " public interface CatalogApi { " + EXCHANGE + "GetExchange(\"/{sku}\") String find(" + WEB
                    + "PathVariable(\"sku\") @jakarta.validation.constraints.NotBlank String sku); }"),
            Map.entry("store/catalog/internal/CatalogController.java", "package store.catalog.internal; " + WEB
                    + "RestController class CatalogController implements store.catalog.CatalogApi { public String find("
                    + "String sku) { return sku; } }"),
            Map.entry("store/checkout/internal/Checkout.java", "package store.checkout.internal; @org.springframework.stereotype.Service"
                    + " class Checkout { private final store.inventory.InventoryApi inventory; private final"
                    + " store.catalog.CatalogApi catalog; Checkout(store.inventory.InventoryApi inventory,"
                    + " store.catalog.CatalogApi catalog) { this.inventory = inventory; this.catalog = catalog; }"
                    + " String buy(String sku) { catalog.find(sku); return inventory.reserve("
                    + "new store.inventory.ReserveRequest(sku, 1)); } }"),
            Map.entry("store/checkout/internal/CheckoutErrors.java", "package store.checkout.internal; " + advice("CheckoutErrors")),
            Map.entry("store/pricing/PriceApi.java", "package store.pricing; " + EXCHANGE + "HttpExchange(\"/api/prices\")"
                    + " public interface PriceApi { " + EXCHANGE + "GetExchange(\"/{sku}\") int price(" + WEB
                    + "PathVariable(\"sku\") @jakarta.validation.constraints.NotBlank String sku); }"),
            Map.entry("store/pricing/internal/PriceController.java", "package store.pricing.internal; " + WEB
                    + "RestController @org.springframework.validation.annotation.Validated class PriceController implements"
                    + " store.pricing.PriceApi { public int price(String sku) { return 1; } }"),
            Map.entry("store/pricing/internal/PricingErrors.java", "package store.pricing.internal; " + advice("PricingErrors")));

    /** An advice for every controller answering the interceptor's exception 400. */
    private static String advice(String name) {
        return WEB + "RestControllerAdvice class " + name + " { " + WEB + "ExceptionHandler("
                + "jakarta.validation.ConstraintViolationException.class) org.springframework.http.ResponseEntity<String>"
                + " violations() { return org.springframework.http.ResponseEntity.badRequest().build(); } }";
    }

    @TempDir
    static Path dir;

    @Test
    void theValidatedControllerIsOneDifferenceOfItsContractAndAPlainOneNoneAndWithoutAProviderNeither() throws Exception {
        Path classes = AnalyzedApplication.compile(dir, SOURCES);
        write(classes, "META-INF/services/jakarta.validation.spi.ValidationProvider",
                "org.hibernate.validator.HibernateValidator\n");
        ModulithModel without = AnalysisFork.run(AnalyzedApplication.request(dir.resolve("without"), classes,
                "store.StoreApplication"));
        assertEquals(List.of(), without.httpContracts().get("store.inventory.InventoryApi").differences(),
                "a provider without Spring Boot's ValidationAutoConfiguration: @Validated validates nothing");
        write(classes, "org/springframework/boot/validation/autoconfigure/ValidationAutoConfiguration.class", "");
        ModulithModel with = AnalysisFork.run(AnalyzedApplication.request(dir.resolve("with"), classes,
                "store.StoreApplication"));
        assertEquals(List.of("store.inventory.internal.InventoryController is @Validated, so Spring's method validation,"
                + " not the library's, checks in-process calls of InventoryApi.adjust, InventoryApi.reserve: in process an"
                + " invalid argument throws Spring's ConstraintViolationException to the caller (its request answered 500"
                + " unless it handles that), over HTTP Spring MVC refuses an invalid @Valid body of InventoryApi.reserve"
                + " with 400, which the caller gets as a RemoteErrorResponseException (400), and the module answers an"
                + " invalid parameter of InventoryApi.adjust 500 (the interceptor's ConstraintViolationException), which"
                + " the caller gets as a RemoteModuleException (502); remove @Validated from InventoryController: then an"
                + " invalid call is refused with 400 both ways (InvalidContractBodyException or"
                + " HandlerMethodValidationException in process, the same status remote)"),
                with.httpContracts().get("store.inventory.InventoryApi").differences(),
                "the checkout and pricing modules' advices are not in the inventory's service");
        assertEquals(List.of(), with.httpContracts().get("store.catalog.CatalogApi").differences(),
                "the run time validates a plain controller's calls as Spring MVC does");
        assertEquals(List.of(), with.httpContracts().get("store.pricing.PriceApi").differences(),
                "the pricing module's own advice answers its parameter checks both ways");
    }

    private static void write(Path classes, String resource, String text) throws Exception {
        Path file = classes.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
