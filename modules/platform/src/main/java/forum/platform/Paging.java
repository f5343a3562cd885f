package forum.platform;

/**
 * The paging rule every list follows: {@code limit} 1..1000 (default 100), {@code offset} 0..1,000,000,000.
 * The offset's bound keeps {@code offset + limit} inside an int and reads as the round number it is.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_OFFSET = 1_000_000_000;

    private Paging() {
    }

    public static void check(int limit, int offset) {
        Validation.of()
                .range("limit", limit, 1, MAX_LIMIT)
                .range("offset", offset, 0, MAX_OFFSET)
                .check();
    }
}
