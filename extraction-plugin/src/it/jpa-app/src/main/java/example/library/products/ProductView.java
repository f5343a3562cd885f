package example.library.products;

public record ProductView(Long id, String title) {
}
