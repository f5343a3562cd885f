package forum.api;

import static forum.api.BadInputTable.JSON;
import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.util.List;
import java.util.Set;

/**
 * The bad-input table's rows about a request's method: one the route does not take (405 {@code method-not-allowed},
 * whose {@code Allow} lists the ones it takes; {@code TRACE} too, on every route, the actuator's and literal ones
 * such as {@code /api/users/login} included), and one the server does not implement (501 {@code not-implemented}:
 * {@code FOO}, a WebDAV method, {@code CONNECT}, a lowercase {@code get}); and the 404 of a path no route has, by
 * every method, {@code OPTIONS} and a CORS preflight included, the literal start of longer routes too
 * ({@code /api/posts/in-thread}, never the id of {@code /api/posts/{id}}). Where the rules come from: RFC 9110
 * (section 9.1: methods are case-sensitive, and a server answers one it does not implement with 501), applied by
 * {@code forum.platform.web.HttpMethodFilter}, with {@code RouteMethods} and {@code UnroutedRequests} saying which
 * methods a route takes; the README's "Errors" catalogue.
 */
final class MethodRows {

    private MethodRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        methods(rows);
    }

    /** The real status of a method refused, whatever the body. */
    private static void methods(List<Row> rows) {
        rows.add(new Row("an unsupported method", "DELETE", "/api/users", null, null, null, false, 405, "method-not-allowed",
                Set.of(), "it takes GET, HEAD, POST, OPTIONS"));
        rows.add(new Row("a method on a single resource that is not supported", "PUT", "/api/users/1", JSON, null, "{}", false,
                405, "method-not-allowed", Set.of(), "it takes GET, HEAD, OPTIONS"));
        rows.add(new Row("PATCH on a list", "PATCH", "/api/posts", JSON, null, "{}", false, 405, "method-not-allowed", Set.of(), ""));
        rows.add(raw("TRACE", "TRACE /api/users HTTP/1.1\r\n", 405, "method-not-allowed", "This route does not take TRACE; it takes GET, HEAD, POST, OPTIONS"));
        rows.add(raw("TRACE on a single resource", "TRACE /api/threads/1 HTTP/1.1\r\n", 405, "method-not-allowed", "it takes GET, HEAD, OPTIONS"));
        rows.add(raw("PUT on a literal route", "PUT /api/users/login HTTP/1.1\r\n", 405, "method-not-allowed",
                "This route does not take PUT; it takes POST, OPTIONS"));
        rows.add(raw("TRACE on a literal route", "TRACE /api/users/login HTTP/1.1\r\n", 405, "method-not-allowed",
                "This route does not take TRACE; it takes POST, OPTIONS"));
        rows.add(raw("TRACE on an actuator route", "TRACE /actuator/health HTTP/1.1\r\n", 405, "method-not-allowed",
                "This route does not take TRACE; it takes GET, HEAD, OPTIONS"));
        rows.add(raw("TRACE on a path no route has", "TRACE /api/nothing/1 HTTP/1.1\r\n", 404, "no-route", "No route has the path /api/nothing/1"));
        rows.add(raw("an unknown method", "FOO /api/users HTTP/1.1\r\n", 501, "not-implemented", "does not implement the method FOO"));
        rows.add(raw("a WebDAV method", "PROPFIND /api/threads/1 HTTP/1.1\r\n", 501, "not-implemented", "does not implement the method PROPFIND"));
        rows.add(raw("a method in lower case", "get /api/users/1 HTTP/1.1\r\n", 501, "not-implemented", "methods are case-sensitive: send GET"));
        rows.add(raw("CONNECT", "CONNECT /api/users HTTP/1.1\r\n", 501, "not-implemented", "does not implement the method CONNECT"));
        rows.add(new Row("a form body on PUT", "PUT", "/api/users/1", "application/x-www-form-urlencoded", null, "name=%ZZ", false,
                405, "method-not-allowed", Set.of(), "it takes GET"));
        rows.add(raw("OPTIONS of a path no route has", "OPTIONS /api/nothing/1 HTTP/1.1\r\n", 404, "no-route",
                "No route has the path /api/nothing/1"));
        rows.add(raw("a CORS preflight of a path no route has", "OPTIONS /api/nothing HTTP/1.1\r\nOrigin: http://elsewhere.example\r\n"
                + "Access-Control-Request-Method: POST\r\n", 404, "no-route", "No route has the path /api/nothing"));
        // The literal start of longer routes is no route for any method, never the id of /api/posts/{id} (GET: PathRows).
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS")) {
            rows.add(raw(method + " of the literal start of a longer route", method + " /api/posts/in-thread HTTP/1.1\r\n",
                    404, "no-route", "No route has the path /api/posts/in-thread; the routes below it are /api/posts/in-thread/{threadId}"));
            rows.add(raw(method + " of the literal start of another longer route", method + " /api/posts/by-user HTTP/1.1\r\n",
                    404, "no-route", "the routes below it are /api/posts/by-user/{userId}"));
        }
    }
}
