package forum.users.internal.persistence;

/**
 * The key that makes a username unique regardless of case: the username with the ASCII letters A-Z folded to a-z,
 * stored in {@code users.users.username_key} (unique, and checked by the database to be this fold of the username).
 *
 * <p>ASCII folding is all case-insensitivity means here because a username holds only ASCII letters, digits, '_', '.'
 * and '-' (the sign-up rule), so no look-alike from another script, no full-width letter and no combining mark can
 * be signed up, and Unicode case folding or normalisation would change nothing. Not {@link String#toLowerCase()}:
 * that folds non-ASCII letters too (the Kelvin sign to 'k'), differently from the database's check, and under a
 * Turkish default locale turns 'I' into a dotless 'ı'.
 */
public final class UsernameKey {

    private UsernameKey() {
    }

    /**
     * @param username a username as given (not null); other characters than A-Z are kept as they are
     * @return its key: A-Z folded to a-z
     */
    public static String of(String username) {
        char[] folded = username.toCharArray();
        for (int i = 0; i < folded.length; i++) {
            if (folded[i] >= 'A' && folded[i] <= 'Z') {
                folded[i] = (char) (folded[i] + ('a' - 'A'));
            }
        }
        return new String(folded);
    }
}
