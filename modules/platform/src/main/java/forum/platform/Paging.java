package forum.platform;

/** The paging rule every list follows: {@code limit} 1..1000 (default 100), {@code offset} from 0. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Keeps {@code offset + limit} inside an int. */
    public static final int MAX_OFFSET = Integer.MAX_VALUE - MAX_LIMIT;

    private Paging() {
    }

    public static void check(int limit, int offset) {
        Validation.of()
                .range("limit", limit, 1, MAX_LIMIT)
                .range("offset", offset, 0, MAX_OFFSET)
                .check();
    }
}
