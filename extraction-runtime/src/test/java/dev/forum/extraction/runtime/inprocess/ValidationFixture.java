package dev.forum.extraction.runtime.inprocess;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Two modules' contracts with constraints, one without, their controllers, and a caller in another module. */
final class ValidationFixture {

    private ValidationFixture() {
    }

    /** Not blank, counting every time a validator checks it: how often a value was validated. */
    @Constraint(validatedBy = CountedNotBlank.Check.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @interface CountedNotBlank {

        String message() default "must not be blank";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Counts its calls. */
        final class Check implements ConstraintValidator<CountedNotBlank, String> {

            static final AtomicInteger CALLS = new AtomicInteger();

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                CALLS.incrementAndGet();
                return value != null && !value.isBlank();
            }
        }
    }

    /** The record a contract takes: constraints on its components, none on the contract's parameter but {@code @Valid}. */
    record NewItem(@Pattern(regexp = "[a-z-]+") String sku, @CountedNotBlank String name) {
    }

    /** The items module's contract: {@code @Valid} body (Spring MVC's body validation), a constrained path variable. */
    @HttpExchange("/api/items")
    interface ItemsApi {

        @PostExchange
        NewItem create(@Valid @RequestBody NewItem item);

        @GetExchange("/{sku}")
        String find(@PathVariable("sku") @Pattern(regexp = "[a-z-]+") String sku);
    }

    /**
     * The items module's controller: no {@code @Validated}; keeps what it is given. Its bean is a class proxy (its
     * fields, the proxy's, are not the controller's: read them through methods).
     */
    @RestController
    static class ItemsController implements ItemsApi {

        private final List<NewItem> written = new CopyOnWriteArrayList<>();

        /** @return what it was given */
        public List<NewItem> written() {
            return written;
        }

        @Override
        public NewItem create(NewItem item) {
            written.add(item);
            return item;
        }

        @Override
        public String find(String sku) {
            return sku;
        }
    }

    /** The stock module's contract, implemented by a {@code @Validated} controller. */
    @HttpExchange("/api/stock")
    interface StockApi {

        @PostExchange("/adjust")
        int adjust(@RequestParam("delta") @Min(-100) @Max(100) int delta);

        @PostExchange("/receive")
        NewItem receive(@Valid @RequestBody NewItem item);
    }

    /** Spring's method validation proxies it (Spring Boot's {@code MethodValidationPostProcessor}). */
    @RestController
    @Validated
    static class StockController implements StockApi {

        private final List<Object> written = new CopyOnWriteArrayList<>();

        /** @return what it was given (a method: the bean is a proxy, whose fields are not the controller's) */
        public List<Object> written() {
            return written;
        }

        @Override
        public int adjust(int delta) {
            written.add(delta);
            return delta;
        }

        @Override
        public NewItem receive(NewItem item) {
            written.add(item);
            return item;
        }
    }

    /** A contract that declares no check. */
    @HttpExchange("/api/plain")
    interface PlainApi {

        @GetExchange
        String hello(@RequestParam("name") String name);
    }

    @RestController
    static class PlainController implements PlainApi {

        @Override
        public String hello(String name) {
            return "hello " + name;
        }
    }

    /** The orders module: calls the others' contracts in process with what its own requests carry, unvalidated. */
    @RestController
    static class OrdersController {

        private final ItemsApi items;
        private final StockApi stock;

        OrdersController(ItemsApi items, StockApi stock) {
            this.items = items;
            this.stock = stock;
        }

        @PostMapping("/orders/items")
        NewItem create(@RequestBody NewItem item) {
            return items.create(item);
        }

        @GetMapping("/orders/items/{sku}")
        String find(@PathVariable("sku") String sku) {
            return items.find(sku);
        }

        @PostMapping("/orders/adjust")
        int adjust(@RequestParam("delta") int delta) {
            return stock.adjust(delta);
        }

        @PostMapping("/orders/receive")
        NewItem receive(@RequestBody NewItem item) {
            return stock.receive(item);
        }
    }
}
