package forum.platform;

import java.util.List;

/**
 * A login with a username and password that do not match (HTTP 401). The message never says which of the two
 * was wrong, so that it does not tell who has an account.
 */
public non-sealed class CredentialsRejectedException extends DomainException {

    public static final String TYPE = "urn:forum:problem:login-failed";

    public CredentialsRejectedException() {
        super("The username or the password is wrong", List.of());
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}
