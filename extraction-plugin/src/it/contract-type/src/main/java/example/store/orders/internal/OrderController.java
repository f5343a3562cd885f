package example.store.orders.internal;

import example.store.catalog.CatalogApi;
import example.store.catalog.Item;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final CatalogApi catalog;

    OrderController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/in-stock")
    List<Item> inStock() {
        return catalog.search(item -> item.stock() > 0);
    }
}
