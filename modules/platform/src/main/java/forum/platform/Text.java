package forum.platform;

/**
 * The forum's one rule for the blank characters around a text, for every text field of every module: which
 * characters are stripped from both ends before a text is stored or compared, and so which texts are blank (nothing
 * is left). A character is blank if it is
 * <ul>
 *   <li>Unicode white space: {@link Character#isWhitespace} or {@link Character#isSpaceChar} (the ASCII spaces, tab and
 *       line breaks, the no-break spaces U+00A0, U+2007 and U+202F, the em and ideographic spaces U+2003 and U+3000,
 *       the line and paragraph separators), or</li>
 *   <li>an invisible format character, which draws nothing of its own: soft hyphen U+00AD, Arabic letter mark
 *       U+061C, Mongolian vowel separator U+180E, zero-width space, non-joiner and joiner U+200B to U+200D, the
 *       left-to-right and right-to-left marks U+200E and U+200F, the directional embeddings, overrides and isolates
 *       U+202A to U+202E and U+2066 to U+2069, word joiner and invisible operators U+2060 to U+2064, the deprecated
 *       format characters U+206A to U+206F and the byte order mark (zero-width no-break space) U+FEFF; or the Hangul
 *       fillers U+115F, U+1160, U+3164 and U+FFA0, which are letters that draw nothing.</li>
 * </ul>
 * Variation selectors, emoji tag characters and combining marks are not blank: they belong to the character before
 * them ({@code U+2764 U+FE0F} is the red heart emoji, not a heart followed by something invisible). Blank characters
 * inside a text are kept.
 */
public final class Text {

    private Text() {
    }

    /**
     * @param codePoint a Unicode code point
     * @return whether it is a blank character (see the class comment)
     */
    public static boolean isBlankCharacter(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (codePoint) {
            case 0x00AD, 0x061C, 0x115F, 0x1160, 0x180E, 0x3164, 0xFEFF, 0xFFA0 -> true;
            default -> (codePoint >= 0x200B && codePoint <= 0x200F) || (codePoint >= 0x202A && codePoint <= 0x202E)
                    || (codePoint >= 0x2060 && codePoint <= 0x2064) || (codePoint >= 0x2066 && codePoint <= 0x206F);
        };
    }

    /**
     * @param text a text, or null
     * @return the text without the blank characters at its start and end; null for null
     */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isBlankCharacter(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isBlankCharacter(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /**
     * @param text a text, or null
     * @return whether it is null, empty or made only of blank characters
     */
    public static boolean isBlank(String text) {
        return text == null || strip(text).isEmpty();
    }
}
