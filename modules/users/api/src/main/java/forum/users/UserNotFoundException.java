package forum.users;

import forum.platform.ResourceNotFoundException;

/** No user has the given id. */
public class UserNotFoundException extends ResourceNotFoundException {

    public UserNotFoundException(UserId id) {
        super("No user with id " + id);
    }
}
