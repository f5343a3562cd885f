package example.shop.orders;

public record NewOrder(String sku, int quantity) {
}
