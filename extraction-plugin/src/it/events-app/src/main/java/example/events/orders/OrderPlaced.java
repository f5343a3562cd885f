package example.events.orders;

public record OrderPlaced(int id, String item) {
}
