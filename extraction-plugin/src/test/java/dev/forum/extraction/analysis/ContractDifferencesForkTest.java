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
    private static final Map<String, String> SOURCES = Map.of(
            "shop/ShopApplication.java", "package shop; @org.springframework.modulith.Modulithic public class ShopApplication {}",
            "shop/stock/StockApi.java", "package shop.stock; @org.springframework.web.service.annotation.HttpExchange(\"/api/stock\")"
                    + " public interface StockApi { @org.springframework.web.service.annotation.PostExchange(\"/{sku}\")"
                    + " void reserve(" + WEB + "PathVariable(\"sku\") String sku, " + WEB + "RequestParam(name = \"n\") int n); }",
            "shop/stock/internal/StockController.java", "package shop.stock.internal; " + WEB + "RestController"
                    + " class StockController implements shop.stock.StockApi { public void reserve(String sku, int n) {"
                    + " if (n > 1000) throw new TooMany(); }"
                    + " " + WEB + "ExceptionHandler(TooMany.class) org.springframework.http.ResponseEntity<String> tooMany() {"
                    + " return org.springframework.http.ResponseEntity.unprocessableEntity().build(); } }",
            "shop/stock/internal/TooMany.java", "package shop.stock.internal; class TooMany extends RuntimeException {}",
            "shop/stock/internal/Sold.java", "package shop.stock.internal; " + WEB + "ResponseStatus("
                    + "org.springframework.http.HttpStatus.CONFLICT) class Sold extends RuntimeException {}",
            "shop/stock/internal/StockAdvice.java", "package shop.stock.internal; " + WEB + "RestControllerAdvice(basePackages"
                    + " = \"shop.stock\") class StockAdvice { " + WEB + "ExceptionHandler org.springframework.http.ResponseEntity<String>"
                    + " sold(Sold sold) { return org.springframework.http.ResponseEntity.status(409).build(); } }",
            "shop/orders/internal/Orders.java", "package shop.orders.internal; @org.springframework.stereotype.Service"
                    + " class Orders { private final shop.stock.StockApi stock; Orders(shop.stock.StockApi stock) {"
                    + " this.stock = stock; } void order(String sku) { stock.reserve(sku, 1); } }",
            "shop/orders/internal/OrdersAdvice.java", "package shop.orders.internal; " + WEB + "RestControllerAdvice"
                    + " class OrdersAdvice { " + WEB + "ExceptionHandler org.springframework.http.ResponseEntity<String>"
                    + " any(IllegalStateException failure) { return org.springframework.http.ResponseEntity.status(500).build(); } }");

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "shop.ShopApplication");

    @Test
    void theControllersHandlerTheModulesAdviceAndItsExceptionsAreTheContractsDifferences() {
        HttpContract stock = APPLICATION.model().httpContracts().get("shop.stock.StockApi");
        List<String> lines = stock.differences();

        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("shop.stock.internal.StockController.tooMany (@ExceptionHandler of TooMany) answers"
                + " only over HTTP"), lines.get(0));
        assertTrue(lines.get(1).startsWith("shop.stock.internal.StockAdvice (an advice limited to part of the application)"
                + " answers shop.stock.internal.StockController's exceptions only over HTTP"), lines.get(1));
        assertTrue(lines.get(2).startsWith("StockApi: shop.stock.internal.TooMany reaches an in-process caller as itself"), lines.get(2));
        assertTrue(lines.get(3).startsWith("StockApi: shop.stock.internal.Sold reaches an in-process caller as itself"), lines.get(3));
        assertEquals(List.of(), stock.unsendable(), "each parameter named: nothing unsendable");
    }
}
