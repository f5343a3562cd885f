package forum.users;

/** What {@code POST /api/users} takes. {@code username} is unique; {@code bio} may be left out. */
public record NewUser(String username, String name, String bio) {
}
