package example.store.catalog.internal;

import example.store.catalog.CatalogApi;
import example.store.catalog.Item;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController implements CatalogApi {

    private final List<Item> items = List.of(new Item("mug", 3), new Item("tea", 0));

    @Override
    public Item item(String sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).findFirst().orElseThrow();
    }

    @Override
    public List<Item> search(Predicate<Item> filter) {
        return items.stream().filter(filter).toList();
    }

    @Override
    public List<CompletableFuture<Item>> restocks() {
        return items.stream().map(CompletableFuture::completedFuture).toList();
    }

    @Override
    public String tenant(String tenant) {
        return tenant;
    }
}
