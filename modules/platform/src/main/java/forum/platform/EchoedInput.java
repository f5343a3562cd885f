package forum.platform;

/**
 * What a client sent, as an answer may quote it back: a field or parameter name, a value, a path, a method, a media
 * type. A problem names what is wrong in the client's own terms, but an answer must not grow with the input: a
 * 7,900-digit {@code limit} or a body of long unknown field names would otherwise come back whole, once in the
 * detail and once in {@code errors}. So every quote is cut to its first {@link #MAX} characters (code points: a
 * character is never split in two), followed by {@code ...}.
 *
 * <p>Nor may a quote carry a character that does not show as itself, or that changes how the text around it shows: a
 * control character (C0, DEL, C1), a format character (a bidi override such as U+202E, a zero-width one, a byte
 * order mark), a line or paragraph separator, a space other than U+0020, a lone surrogate, a private-use or
 * unassigned code point. Each is written as {@code U+XXXX} ({@link #shows}), and counts as that many characters
 * toward {@link #MAX}. A header field's value is bytes, not decoded text, and is quoted as the error valve quotes a
 * request head ({@code RequestHead.printable} in {@code forum.platform.web.error}), by the same rule: a byte that is
 * not printable ASCII is written as the byte, {@code 0xNN} ({@link #shortenField}).
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
     * @return {@code sent} with every character that does not show written as {@code U+XXXX}; if that is more than
     *         {@link #MAX} characters, its first whole characters and escapes up to {@link #MAX}, followed by
     *         {@link #CUT}; shortening what was shortened changes nothing
     */
    public static String shorten(String sent) {
        return shorten(sent, false);
    }

    /**
     * A header field's value as the servlet container reads it, one character a byte (ISO-8859-1), quoted as the
     * error valve quotes a head: as {@link #shorten}, but every byte that is not printable ASCII is written as the
     * byte, {@code 0xNN}, since bytes outside ASCII in a field are not characters of any known charset (RFC 9110 5.5).
     *
     * @param sent the field's value, or null
     * @return it quoted and cut short as {@link #shorten} does
     */
    public static String shortenField(String sent) {
        return shorten(sent, true);
    }

    private static String shorten(String sent, boolean bytes) {
        if (sent == null) {
            return null;
        }
        String whole = escaped(sent, Integer.MAX_VALUE, bytes);
        if (whole.codePointCount(0, whole.length()) <= MAX) {
            return whole;
        }
        if (sent.endsWith(CUT)) {
            // A quote already cut short (FieldViolation shortens the names it is given, which may have been).
            String quoted = escaped(sent.substring(0, sent.length() - CUT.length()), Integer.MAX_VALUE, bytes);
            if (quoted.codePointCount(0, quoted.length()) <= MAX) {
                return quoted + CUT;
            }
        }
        return escaped(sent, MAX, bytes) + CUT;
    }

    /**
     * Whether a character shows as itself in a quote: false for control and format characters (the bidi overrides
     * and isolates, zero-width characters, U+FEFF), line and paragraph separators, spaces but U+0020, surrogates,
     * private-use and unassigned code points.
     *
     * @param codePoint a Unicode code point
     * @return whether it is quoted as it is
     */
    public static boolean shows(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            case Character.SPACE_SEPARATOR -> codePoint == ' ';
            default -> true;
        };
    }

    /**
     * {@code text}'s whole characters and escapes, as many as fit in {@code max} characters; {@code bytes}: each
     * character is a byte, and one outside ASCII does not show either.
     */
    private static String escaped(String text, int max, boolean bytes) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String piece = bytes ? (c < 0x80 && shows(c) ? Character.toString(c) : String.format("0x%02X", c))
                    : shows(c) ? Character.toString(c) : String.format("U+%04X", c);
            int size = piece.codePointCount(0, piece.length());
            if (count + size > max) {
                break;
            }
            shown.append(piece);
            count += size;
            i += Character.charCount(c);
        }
        return shown.toString();
    }
}
