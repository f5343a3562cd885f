package forum.users;

import forum.platform.ConflictException;
import forum.platform.FieldViolation;

/** Another user already has this username, in this or another case. */
public class UsernameTakenException extends ConflictException {

    public UsernameTakenException(String username) {
        super("The username '" + username + "' is taken", new FieldViolation("username", "is taken"));
    }
}
