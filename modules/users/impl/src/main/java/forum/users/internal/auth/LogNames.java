package forum.users.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the users module's logs say about who is refused: a username never appears as sent (logs go to places that
 * must not collect account names), only as {@link #username its hash}. A username's block is logged by
 * {@link LoginThrottle#failed}, after the transaction that set it has committed, so a transaction tried again does not
 * log it twice.
 */
public final class LogNames {

    private LogNames() {
    }

    /**
     * @param username a username (null is taken as empty)
     * @return the first 16 hex digits (64 bits) of the SHA-256 of its UTF-8 bytes, lower case: the same username
     *         always gives the same name in the logs, and the name does not give the username back
     */
    public static String username(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((username == null ? "" : username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
