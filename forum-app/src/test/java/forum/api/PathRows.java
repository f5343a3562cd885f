package forum.api;

import static forum.api.BadInputTable.JSON;
import static forum.api.BadInputTable.get;
import static forum.api.BadInputTable.raw;

import forum.api.BadInputTable.Row;
import java.util.List;
import java.util.Set;

/**
 * The bad-input table's rows about a request's path: an id that is not a positive whole number in plain decimal
 * digits, or too large (400 {@code validation}, naming the path variable); the literal start of a longer route (404
 * {@code no-route}, naming the routes below it); a path that decoding or normalising would change (400
 * {@code non-canonical-path}, refused before any route is chosen); a route's path with a {@code /} after it, the
 * modules' and the actuator's (404 {@code no-route}, naming the path to send). Where the rules come from:
 * {@code forum.platform.PlainDecimal} with {@code forum.platform.web.PlainDecimalBinding} (ids),
 * {@code forum.platform.web.RouteMethods} (a literal route is never read as an id; {@code error.ProblemDetailsAdvice}
 * names the routes below it, or the path to send without the {@code /}; {@code UnroutedRequests} says no route
 * has a path with one, Actuator's pattern ending in a variable included, for every method: {@code NoRoutePathFilter}),
 * and {@code forum.platform.web.CanonicalPath} (RFC 3986 sections 2.3, 3.3 and 6.2.2) applied by
 * {@code CanonicalPathFilter}; the README's "Errors" catalogue. Paths Tomcat refuses itself are
 * {@link ContainerRows}.
 */
final class PathRows {

    private PathRows() {
    }

    /** Adds every row of this kind to {@code rows}. */
    static void addTo(List<Row> rows) {
        paths(rows);
    }

    /** Path ids (plain decimal digits) and non-canonical paths (refused before any route is chosen). */
    private static void paths(List<Row> rows) {
        rows.add(get("a non-numeric user id", "/api/users/abc", 400, "validation", "positive whole number in plain digits", "id"));
        rows.add(get("a zero thread id", "/api/threads/0", 400, "validation", "positive whole number", "id"));
        rows.add(get("a negative post id", "/api/posts/-1", 400, "validation", "positive whole number", "id"));
        rows.add(get("an id with a plus sign", "/api/users/+1", 400, "validation", "plain digits", "id"));
        rows.add(get("an id with a leading zero", "/api/users/01", 400, "validation", "plain digits", "id"));
        rows.add(get("an id of minus zero", "/api/threads/-0", 400, "validation", "plain digits", "id"));
        // Refused by Spring Security's firewall, told in the client's terms and with nothing invisible quoted raw.
        rows.add(get("an encoded line feed in a path", "/api/users/%0a", 400, "bad-request",
                "The request was refused: the path holds a line break (%0a), which no path of this server holds"));
        rows.add(get("an encoded line separator in a path", "/api/users/%E2%80%A8", 400, "bad-request",
                "the path holds a line separator (U+2028), which no path of this server holds"));
        rows.add(get("a hexadecimal id", "/api/threads/0x1", 400, "validation", "plain digits", "id"));
        rows.add(get("a decimal id", "/api/posts/1.0", 400, "validation", "plain digits", "id"));
        rows.add(get("a non-numeric thread id in a posts route", "/api/posts/in-thread/abc", 400, "validation", "", "threadId"));
        rows.add(get("an id too large for a number", "/api/posts/by-user/99999999999999999999", 400, "validation",
                "must be a positive whole number up to 9223372036854775807, not 99999999999999999999", "userId"));
        rows.add(get("a user id one past the largest", "/api/users/9223372036854775808", 400, "validation",
                "must be a positive whole number up to 9223372036854775807", "id"));
        rows.add(get("the literal start of a longer route", "/api/posts/in-thread", 404, "no-route",
                "the routes below it are /api/posts/in-thread/{threadId}"));
        rows.add(get("the literal start of another longer route", "/api/posts/by-user", 404, "no-route", "/api/posts/by-user/{userId}"));
        // A route's path with a '/' after it: no route ends in one; every method is told the path to send instead, and
        // the literal start of longer routes with a '/' after it names the routes below it, as for OPTIONS.
        for (String method : List.of("GET", "POST", "DELETE", "TRACE", "OPTIONS")) {
            rows.add(raw(method + " of a list's path with a trailing slash", method + " /api/users/ HTTP/1.1\r\n", 404, "no-route",
                    "No route has the path /api/users/: no route ends in '/'; send /api/users"));
            rows.add(raw(method + " of an item's path with a trailing slash", method + " /api/threads/1/ HTTP/1.1\r\n", 404,
                    "no-route", "send /api/threads/1"));
            rows.add(raw(method + " of a literal route with a trailing slash", method + " /api/users/login/ HTTP/1.1\r\n", 404,
                    "no-route", "send /api/users/login"));
            rows.add(raw(method + " of the start of longer routes with a trailing slash", method + " /api/posts/in-thread/ HTTP/1.1\r\n",
                    404, "no-route", "No route has the path /api/posts/in-thread/; the routes below it are /api/posts/in-thread/{threadId}"));
            // The actuator's paths alike, though its pattern for health groups (/actuator/health/{*path}) matches them.
            for (String actuator : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                    "/actuator/info", "/actuator")) {
                rows.add(raw(method + " of " + actuator + " with a trailing slash", method + " " + actuator + "/ HTTP/1.1\r\n",
                        404, "no-route", "No route has the path " + actuator + "/: no route ends in '/'; send " + actuator));
            }
        }
        rows.add(get("an encoded letter", "/api/post%73/1", 400, "non-canonical-path", "'%73' encodes 's', which is sent as it is. Send it as /api/posts/1"));
        rows.add(get("an encoded digit", "/api/users/%31", 400, "non-canonical-path", "Send it as /api/users/1"));
        rows.add(get("an encoded slash", "/api/users%2F1", 400, "non-canonical-path", "is an encoded '/'"));
        rows.add(get("an encoded slash in lower case", "/api/users%2f1", 400, "non-canonical-path", "is an encoded '/'"));
        rows.add(get("an encoded backslash", "/api/users%5C1", 400, "non-canonical-path", "is an encoded '\\'"));
        rows.add(get("an encoded dot segment", "/api/users/%2e%2e/threads", 400, "non-canonical-path", ""));
        rows.add(get("a dot segment", "/api/posts/../users/1", 400, "non-canonical-path", "dot segment"));
        rows.add(get("a current-directory segment", "/api/./users", 400, "non-canonical-path", "dot segment"));
        rows.add(get("an empty segment", "/api//users", 400, "non-canonical-path", "empty segment"));
        rows.add(get("a path parameter", "/api/users;x=1/1", 400, "non-canonical-path", "';'"));
        rows.add(get("a session id path parameter", "/api/users/1;jsessionid=0", 400, "non-canonical-path", "';'"));
        rows.add(get("a write to a non-canonical path", "/api/post%73", 400, "non-canonical-path", ""));
        rows.add(new Row("a POST to a non-canonical path", "POST", "/api//posts", JSON, null, "{\"thread\":1,\"text\":\"x\",\"user\":1}",
                false, 400, "non-canonical-path", Set.of(), "empty segment"));
    }
}
