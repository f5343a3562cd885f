package forum.users;

/**
 * What {@code POST /api/users} (sign-up) takes. {@code username} is unique regardless of case ({@code BMO} is taken
 * once {@code bmo} exists) and keeps the case it is given in; {@code bio} may be left out;
 * {@code password} is stored only as a hash and never answered.
 */
public record NewUser(String username, String name, String bio, String password) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", name=" + name + ", bio=" + bio + ", password=(hidden)]";
    }
}
