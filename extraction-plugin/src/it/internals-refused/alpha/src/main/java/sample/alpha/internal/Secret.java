package sample.alpha.internal;

/** alpha's own business: no other module may use it. */
public final class Secret {

    private Secret() {
    }

    public static String value() {
        return "s3cret";
    }
}
