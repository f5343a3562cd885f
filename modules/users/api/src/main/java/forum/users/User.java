package forum.users;

/** A forum user, as the tutorial shows it: {@code {id, username, name, bio}}. */
public record User(UserId id, String username, String name, String bio) {
}
