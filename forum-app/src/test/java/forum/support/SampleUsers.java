package forum.support;

/** The sample users of the embedded seed and their passwords (README, "Writing"). */
public final class SampleUsers {

    public static final String MARCELINE = "marceline";
    public static final String MARCELINE_PASSWORD = "vampire-queen-1000";
    public static final String FINN = "finn";
    public static final String FINN_PASSWORD = "adventure-time-hero";
    public static final String PB = "pb";
    public static final String PB_PASSWORD = "candy-kingdom-science";
    public static final String JAKE = "jake";
    public static final String JAKE_PASSWORD = "magic-dog-father";

    private SampleUsers() {
    }
}
