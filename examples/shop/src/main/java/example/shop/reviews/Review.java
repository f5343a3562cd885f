package example.shop.reviews;

public record Review(String sku, int stars) {
}
