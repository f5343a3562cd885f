package example.shop.orders.internal;

import example.shop.catalog.CatalogApi;
import example.shop.catalog.Product;
import example.shop.orders.NewOrder;
import example.shop.orders.Order;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final CatalogApi catalog;
    private final Map<Integer, Order> orders = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    OrderController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Order place(@RequestBody NewOrder order) {
        Product product = catalog.product(order.sku());
        Order placed = new Order(ids.incrementAndGet(), product.sku(), product.name(), order.quantity(),
                product.priceCents() * order.quantity());
        orders.put(placed.id(), placed);
        return placed;
    }

    @GetMapping("/{id}")
    Order get(@PathVariable("id") int id) {
        Order order = orders.get(id);
        if (order == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id);
        }
        return order;
    }
}
