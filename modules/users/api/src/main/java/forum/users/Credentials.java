package forum.users;

/** What {@code POST /api/users/login} takes. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(hidden)]";
    }
}
