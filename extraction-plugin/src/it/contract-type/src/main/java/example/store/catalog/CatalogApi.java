package example.store.catalog;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Catalog's HTTP contract. search takes a function, which no JSON body can carry, and restocks returns futures, which
 * the run time's blocking client cannot read: every remote call of either would fail. tenant takes a request
 * attribute, which Spring's HTTP client keeps on its own request: nothing is sent, and the module answers 400.
 */
@HttpExchange(url = "/api/catalog", accept = "application/json")
public interface CatalogApi {

    @GetExchange("/{sku}")
    Item item(@PathVariable("sku") String sku);

    @PostExchange(url = "/search", contentType = "application/json")
    List<Item> search(@RequestBody Predicate<Item> filter);

    @GetExchange("/restocks")
    List<CompletableFuture<Item>> restocks();

    @GetExchange("/tenant")
    String tenant(@RequestAttribute("tenant") String tenant);
}
