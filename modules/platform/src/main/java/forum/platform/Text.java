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
 *       fillers U+115F, U+1160, U+3164 and U+FFA0, which are letters that draw nothing, and the Braille pattern blank
 *       U+2800, a symbol that draws nothing.</li>
 * </ul>
 * Variation selectors, emoji tag characters and combining marks are not blank: they belong to the character before
 * them ({@code U+2764 U+FE0F} is the red heart emoji, not a heart followed by something invisible), so they are never
 * stripped. Blank characters inside a text are kept. A text is blank, though, when it has nothing but such characters
 * and blank ones ({@link #isBlank}): a variation selector, a combining mark or a tag with nothing to belong to draws
 * nothing either.
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
            case 0x00AD, 0x061C, 0x115F, 0x1160, 0x180E, 0x2800, 0x3164, 0xFEFF, 0xFFA0 -> true;
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
     * @return whether it is null, empty or made only of blank characters and characters that belong to another
     *         ({@link #belongsToAnother}), which draw nothing with none to belong to
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> isBlankCharacter(c) || belongsToAnother(c));
    }

    /**
     * Characters that modify the one before them and draw nothing alone: combining marks (Unicode categories Mn, Mc
     * and Me, {@code U+0301} the acute accent, {@code U+20E3} the keycap), and the default-ignorable code points that
     * are not blank characters (Unicode's {@code Default_Ignorable_Code_Point} property, DerivedCoreProperties.txt):
     * the combining grapheme joiner U+034F, the Khmer inherent vowels U+17B4 and U+17B5, the Mongolian free variation
     * selectors U+180B to U+180D and U+180F, U+2065, the variation selectors U+FE00 to U+FE0F and U+E0100 to U+E01EF,
     * U+FFF0 to U+FFF8, the shorthand format controls U+1BCA0 to U+1BCA3, the musical formatting U+1D173 to U+1D17A and
     * the tags U+E0000 to U+E0FFF.
     */
    private static boolean belongsToAnother(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return true;
        }
        return switch (codePoint) {
            case 0x034F, 0x17B4, 0x17B5, 0x180F, 0x2065 -> true;
            default -> (codePoint >= 0x180B && codePoint <= 0x180D) || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                    || (codePoint >= 0xFFF0 && codePoint <= 0xFFF8) || (codePoint >= 0x1BCA0 && codePoint <= 0x1BCA3)
                    || (codePoint >= 0x1D173 && codePoint <= 0x1D17A) || (codePoint >= 0xE0000 && codePoint <= 0xE0FFF);
        };
    }
}
