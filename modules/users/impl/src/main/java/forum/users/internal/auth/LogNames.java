package forum.users.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the users module's logs say about who is refused: a username never appears as sent (logs go to places that
 * must not collect account names), only as {@link #username its hash}; and a block is logged once it is committed
 * ({@link #warnOnCommit}), so that a transaction tried again does not log it twice.
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

    /**
     * Logs a WARN once the current transaction commits (not at all if it rolls back); at once outside a transaction.
     *
     * @param log       where
     * @param format    an SLF4J message format
     * @param arguments its arguments
     */
    static void warnOnCommit(Logger log, String format, Object... arguments) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            log.warn(format, arguments);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                log.warn(format, arguments);
            }
        });
    }
}
