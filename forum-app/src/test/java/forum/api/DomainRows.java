package forum.api;

import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.post;

import forum.api.BadInputTable.Row;
import java.util.List;

/**
 * The bad-input table's rows the domain refuses once a request has been read: a username taken, in any case (409
 * {@code conflict}), a post in a thread that does not exist (422 {@code reference-not-found}), an id no user,
 * thread or post has (404 {@code not-found}) and a path no route has (404 {@code no-route}). They rely on the sample
 * data (the user finn, thread 1). Where the rules come from: the modules' services ({@code forum.users.internal.UserService},
 * {@code forum.posts.internal.PostService}) and their exceptions, answered by
 * {@code forum.platform.web.error.ProblemDetailsAdvice}; the README's "Errors" catalogue.
 */
final class DomainRows {

    private DomainRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        domain(rows);
    }

    /** The domain's own refusals. */
    private static void domain(List<Row> rows) {
        rows.add(post("a taken username", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"finn\",\"name\":\"Another Finn\"}", 409, "conflict", "is taken", "username"));
        rows.add(post("a username taken in another case", "/api/users",
                "{\"password\":\"sign-up-password-1\",\"username\":\"FiNN\",\"name\":\"Another Finn\"}", 409, "conflict", "is taken", "username"));
        rows.add(post("a post in an unknown thread", "/api/posts", "{\"thread\":999,\"text\":\"x\"}", 422,
                "reference-not-found", "is not an existing thread: 999", "thread"));
        rows.add(get("an unknown user", "/api/users/999", 404, "not-found", "No user with id 999"));
        rows.add(get("an unknown thread", "/api/threads/999", 404, "not-found", ""));
        rows.add(get("an unknown post", "/api/posts/999", 404, "not-found", ""));
        rows.add(get("an unknown route", "/api/usersettings", 404, "no-route", "No route has the path /api/usersettings"));
        rows.add(get("an unknown route below a module", "/api/users/1/posts", 404, "no-route", ""));
    }
}
