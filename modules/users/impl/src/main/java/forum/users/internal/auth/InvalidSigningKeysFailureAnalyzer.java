package forum.users.internal.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints missing or unusable signing keys as one line, instead of a stack trace. */
class InvalidSigningKeysFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeys.InvalidSigningKeysException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeys.InvalidSigningKeysException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix forum.security.jwt.signing-keys as the description says"
                + " (README, \"Identity\": how to make a key set and rotate it).", cause);
    }
}
