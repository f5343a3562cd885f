package example.shop.catalog;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The catalog's contract: served by its controller, and the client other modules get when catalog runs elsewhere. */
@HttpExchange(url = "/api/catalog", accept = "application/json")
public interface CatalogApi {

    @GetExchange("/{sku}")
    Product product(@PathVariable("sku") String sku);
}
