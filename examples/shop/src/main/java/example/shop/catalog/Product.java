package example.shop.catalog;

public record Product(String sku, String name, int priceCents) {
}
