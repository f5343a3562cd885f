package forum.platform;

/**
 * What a client sent, as an answer may quote it back: a field or parameter name, a value, a path, a method, a media
 * type. A problem names what is wrong in the client's own terms, but an answer must not grow with the input: a
 * 7,900-digit {@code limit} or a body of long unknown field names would otherwise come back whole, once in the
 * detail and once in {@code errors}. So every quote is cut to its first {@link #MAX} characters (code points: a
 * character is never split in two), followed by {@code ...}.
 */
public final class EchoedInput {

    /** A quote keeps at most this many characters of what was sent. */
    public static final int MAX = 60;

    /** What follows a quote that was cut short. */
    public static final String CUT = "...";

    private EchoedInput() {
    }

    /**
     * @param sent what the client sent, or null
     * @return {@code sent} itself when it has at most {@link #MAX} characters (or is null), else its first {@link #MAX}
     *         characters followed by {@link #CUT}; shortening what was shortened changes nothing
     */
    public static String shorten(String sent) {
        if (sent == null || sent.length() <= MAX || sent.codePointCount(0, sent.length()) <= MAX) {
            return sent;
        }
        return sent.substring(0, sent.offsetByCodePoints(0, MAX)) + CUT;
    }
}
