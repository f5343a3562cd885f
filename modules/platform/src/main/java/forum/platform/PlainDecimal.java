package forum.platform;

import java.util.regex.Pattern;

/**
 * Whole numbers as clients write them in paths and query parameters: plain decimal digits, an optional
 * leading {@code -} (not before {@code 0}: {@code -0} is a second spelling of {@code 0}), no leading zeros, ASCII only. {@code Long.parseLong} and Spring's conversion also read
 * {@code +1}, {@code 01}, {@code 0x10}, {@code #10} and other scripts' digits, which a client rarely means; such
 * text is refused here, so that one number has one spelling.
 */
public final class PlainDecimal {

    private static final Pattern PLAIN = Pattern.compile("0|-?[1-9][0-9]*");

    private PlainDecimal() {
    }

    /**
     * @param text e.g. {@code "42"} or {@code "-1"}
     * @return its value
     * @throws NumberFormatException if the text is not plain decimal digits or does not fit a long
     */
    public static long parseLong(String text) {
        check(text);
        return Long.parseLong(text);
    }

    /**
     * @param text e.g. {@code "100"}
     * @return its value
     * @throws NumberFormatException if the text is not plain decimal digits or does not fit an int
     */
    public static int parseInt(String text) {
        check(text);
        return Integer.parseInt(text);
    }

    /**
     * @param text any text, or null
     * @return whether it is written in plain decimal digits (as {@link #parseLong} takes), whatever its size
     */
    public static boolean isPlain(String text) {
        return text != null && PLAIN.matcher(text).matches();
    }

    private static void check(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new NumberFormatException("not a whole number in plain decimal digits: '" + text + "'");
        }
    }
}
