package example.shop.orders;

public record Order(int id, String sku, String productName, int quantity, int totalCents) {
}
