package forum.users.internal.auth;

import forum.platform.Text;
import forum.platform.Validation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a new password must follow (after NIST SP 800-63B, section 3.1.1.2: length, no common passwords,
 * nothing else imposed), and the form a password is hashed and checked in: Unicode NFKC ({@link #normalized}, NIST
 * SP 800-63B section 5.1.1.2), at sign-up and at login alike, so that {@code é} typed as one character or as {@code e}
 * and a combining accent, or a full-width {@code Ａ} and an {@code A}, are the same password. The rules apply to the
 * normalized password:
 * <ul>
 *   <li>{@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (Unicode code points, not counting blank ones at
 *       either end), at most {@value #MAX_BYTES}
 *       bytes in UTF-8 (what bcrypt reads);</li>
 *   <li>not one of the common passwords shipped in {@code common-passwords.txt}, nor one of them followed only by
 *       digits and symbols, case-insensitively;</li>
 *   <li>not holding the username, and not one character repeated.</li>
 * </ul>
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /**
     * The form a password is hashed and checked in: Unicode normalization form KC.
     *
     * @param password a password as sent, or null
     * @return it in NFKC; null for null
     */
    public static String normalized(String password) {
        return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Whether bcrypt reads the whole of a password: it reads {@value #MAX_BYTES} bytes and ignores the rest, so a
     * longer password would match any password that starts with the same {@value #MAX_BYTES} bytes. No password
     * longer than that is ever stored (sign-up refuses it), so a login with one is a wrong password.
     *
     * @param normalized a password in NFKC ({@link #normalized})
     * @return whether it is at most {@value #MAX_BYTES} bytes in UTF-8
     */
    public static boolean fitsHash(String normalized) {
        return normalized.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * Adds every rule the password breaks to {@code validation}, as violations of the field {@code password}. The
     * rules apply to its normalized form ({@link #normalized}); a length refused there that differs from the length
     * as sent says so, since NFKC can join characters ({@code e} and a combining accent become {@code é}) or split
     * them (the ligature {@code ﬀ} becomes {@code ff}).
     *
     * @param sent the password as sent, or null
     */
    public static void check(Validation validation, String username, String sent) {
        String password = normalized(sent);
        validation.text("password", password, 1, Integer.MAX_VALUE);
        if (Text.isBlank(password) || Validation.unstorable(password).isPresent()) {
            return;
        }
        int length = length(password);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            int asSent = length(sent);
            // Blank ends are kept in the hash but not counted: padding does not make a password harder to guess.
            boolean blankEnds = password.codePointCount(0, password.length()) != length;
            validation.violation("password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"
                    + (blankEnds ? ", not counting blank characters at either end" : "") + ", not " + length
                    + (asSent == length ? "" : " (counted in Unicode NFKC, the form every password is"
                    + " checked in; as sent it has " + asSent + ")"));
            return;
        }
        breaks(username, password).ifPresent(rule -> validation.violation("password", rule));
    }

    /**
     * The text rules of sign-up a login's password must follow too, as sent: present, not blank, and storable
     * ({@link Validation#unstorable}: no lone UTF-16 surrogate, NUL or other control character, as sign-up refuses
     * them). Those are the characters that would make two passwords one in the hash: Java encodes a lone surrogate
     * to UTF-8 as {@code ?}, and bcrypt reads a password as bytes ending in a NUL, over and over to 72 bytes, so
     * {@code p} and {@code p\0p} are one key. NFKC neither makes nor removes such characters, so the password as sent
     * and its normalized form break this alike. The other rules of {@link #check} (length, common passwords, the
     * username) are not applied: they are the rules for a new password, a password stored before they changed (or
     * before passwords were normalized, when its length was counted as sent) must still log in, and a password bcrypt
     * cannot read whole ({@link #fitsHash}) is a wrong password, counted as one.
     *
     * @param password the password as sent, or null
     */
    public static void checkAsSent(Validation validation, String password) {
        validation.text("password", password, 1, Integer.MAX_VALUE);
    }

    /** Characters (code points) but blank ones at either end ({@link Text#strip}): those do not make a password longer. */
    private static int length(String password) {
        String stripped = Text.strip(password);
        return stripped.codePointCount(0, stripped.length());
    }

    private static Optional<String> breaks(String username, String password) {
        if (!fitsHash(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8; use fewer characters from outside ASCII");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            return Optional.of("is one of the most common passwords; choose one that is not");
        }
        String name = Text.strip(username);
        if (name != null && name.length() >= 3 && lower.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not hold the username");
        }
        if (lower.codePoints().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        return Optional.empty();
    }

    /** One of the list, or one of the list followed only by digits, punctuation, symbols or spaces. */
    private static boolean isCommon(String lower) {
        for (int end = lower.length(); end > 0; end--) {
            if (COMMON.contains(lower.substring(0, end))) {
                return true;
            }
            int last = lower.codePointBefore(end);
            if (!(Character.isDigit(last) || Character.isWhitespace(last) || isPunctuationOrSymbol(last))) {
                return false;
            }
        }
        return false;
    }

    private static boolean isPunctuationOrSymbol(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).forEach(common::add);
        } catch (IOException | NullPointerException missing) {
            throw new UncheckedIOException(new IOException("the list of common passwords is missing from the users module", missing));
        }
        return Set.copyOf(common);
    }
}
