package example.store.catalog;

public record Item(String sku, int stock) {
}
