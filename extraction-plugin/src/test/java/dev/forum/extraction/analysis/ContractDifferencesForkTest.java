package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.HttpContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What of a contract's call differs in process and over HTTP, read by the analyzer in its own JVM from a compiled
 * application (the contract's controllers, the application's advices and the exceptions of the contract's module) and
 * brought back through the model JSON as the contract's {@code differences}.
 */
class ContractDifferencesForkTest {

    private static final String WEB = "@org.springframework.web.bind.annotation.";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("shop/ShopApplication.java", "package shop; @org.springframework.modulith.Modulithic public class ShopApplication {}"),
            // user12's shape: the contract extends a read contract, one controller serves both.
            Map.entry("shop/stock/StockReadApi.java", "package shop.stock; @org.springframework.web.service.annotation.HttpExchange("
                    + "\"/api/stock\") public interface StockReadApi { @org.springframework.web.service.annotation.GetExchange("
                    + "\"/{sku:[a-z]+}\") int level(" + WEB + "PathVariable(\"sku\") String sku); }"),
            Map.entry("shop/stock/StockApi.java", "package shop.stock; @org.springframework.web.service.annotation.HttpExchange(\"/api/stock\")"
                    + " public interface StockApi extends StockReadApi { @org.springframework.web.service.annotation.PostExchange(\"/{sku}\")"
                    + " void reserve(" + WEB + "PathVariable(\"sku\") String sku, " + WEB + "RequestParam(name = \"n\") int n); }"),
            Map.entry("shop/stock/internal/StockController.java", "package shop.stock.internal; " + WEB + "RestController"
                    + " class StockController implements shop.stock.StockApi { private final Shelf shelf = new Shelf();"
                    + " public void reserve(String sku, int n) { if (n > 1000) throw new TooMany(); shelf.take(sku, n); }"
                    + " public int level(String sku) { return 1; }"
                    + " " + WEB + "ExceptionHandler(TooMany.class) org.springframework.http.ResponseEntity<String> tooMany() {"
                    + " return org.springframework.http.ResponseEntity.unprocessableEntity().build(); } }"),
            // Sold is thrown two calls down, in a lambda: reserve can throw it, level cannot.
            Map.entry("shop/stock/internal/Shelf.java", "package shop.stock.internal; class Shelf { void take(String sku, int n) {"
                    + " java.util.Optional.of(n).filter(i -> i < 5).orElseThrow(() -> new Sold()); } }"),
            Map.entry("shop/stock/internal/TooMany.java", "package shop.stock.internal; class TooMany extends RuntimeException {}"),
            Map.entry("shop/stock/internal/Sold.java", "package shop.stock.internal; " + WEB + "ResponseStatus("
                    + "org.springframework.http.HttpStatus.CONFLICT) class Sold extends RuntimeException {}"),
            Map.entry("shop/stock/internal/StockAdvice.java", "package shop.stock.internal; " + WEB + "RestControllerAdvice(basePackages"
                    + " = \"shop.stock\") class StockAdvice { " + WEB + "ExceptionHandler org.springframework.http.ResponseEntity<String>"
                    + " sold(Sold sold) { return org.springframework.http.ResponseEntity.status(409).build(); } }"),
            // user12's BadApi: a contract of the same module whose controller throws none of the module's exceptions.
            Map.entry("shop/stock/BadApi.java", "package shop.stock; @org.springframework.web.service.annotation.HttpExchange("
                    + "\"/api/bad\") public interface BadApi { @org.springframework.web.service.annotation.GetExchange String ping(); }"),
            Map.entry("shop/stock/internal/BadController.java", "package shop.stock.internal; " + WEB + "RestController"
                    + " class BadController implements shop.stock.BadApi { public String ping() { return \"pong\"; } }"),
            Map.entry("shop/orders/internal/Orders.java", "package shop.orders.internal; @org.springframework.stereotype.Service"
                    + " class Orders { private final shop.stock.StockApi stock; private final shop.stock.BadApi bad;"
                    + " Orders(shop.stock.StockApi stock, shop.stock.BadApi bad) { this.stock = stock; this.bad = bad; }"
                    + " void order(String sku) { stock.reserve(sku, 1); bad.ping(); } }"),
            Map.entry("shop/orders/internal/OrdersAdvice.java", "package shop.orders.internal; " + WEB + "RestControllerAdvice"
                    + " class OrdersAdvice { " + WEB + "ExceptionHandler org.springframework.http.ResponseEntity<String>"
                    + " any(IllegalStateException failure) { return org.springframework.http.ResponseEntity.status(500).build(); } }"));

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "shop.ShopApplication");

    @Test
    void theControllersHandlerTheModulesAdviceAndItsExceptionsAreTheContractsDifferences() {
        HttpContract stock = APPLICATION.model().httpContracts().get("shop.stock.StockApi");
        List<String> lines = stock.differences();

        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("shop.stock.internal.StockController.tooMany (@ExceptionHandler of TooMany) answers"
                + " only over HTTP: an in-process caller of StockApi.reserve gets the exception itself"), lines.get(0));
        assertTrue(lines.get(1).startsWith("shop.stock.internal.StockAdvice (an advice limited to part of the application)"
                + " answers shop.stock.internal.StockController's exceptions only over HTTP: an in-process caller of"
                + " StockApi.reserve gets"), lines.get(1));
        assertTrue(lines.get(2).startsWith("shop.stock.internal.TooMany (which StockApi.reserve can throw) reaches an"
                + " in-process caller as itself"), lines.get(2));
        assertTrue(lines.get(3).startsWith("shop.stock.internal.Sold (which StockApi.reserve can throw) reaches an in-process"
                + " caller as itself"), lines.get(3));
        assertTrue(lines.get(4).startsWith("StockReadApi.level: the regex of its path variable {sku:...}"), lines.get(4));
        assertEquals(List.of(), stock.unsendable(), "each parameter named: nothing unsendable");
    }

    /**
     * The extended contract's methods meet none of the exceptions, and its method's line is the extending contract's,
     * word for word, which the report warns of once.
     */
    @Test
    void anExtendedContractSharesItsMethodsLinesAndGetsNoExceptionItsMethodsCannotThrow() {
        List<String> read = APPLICATION.model().httpContracts().get("shop.stock.StockReadApi").differences();

        assertEquals(1, read.size(), String.join("\n", read));
        assertTrue(APPLICATION.model().httpContracts().get("shop.stock.StockApi").differences().contains(read.get(0)), read.get(0));
    }

    /** The module's exceptions, its limited advice and the other controller's handler concern BadApi not at all. */
    @Test
    void aContractOfTheModuleWhoseControllerThrowsNoneOfItsExceptionsGetsNoLine() {
        assertEquals(List.of(), APPLICATION.model().httpContracts().get("shop.stock.BadApi").differences());
    }
}
