package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * What HTTP says a path and its methods mean, the same from every layer that answers: one {@code Allow} per path (a 405
 * with or without a token, {@code TRACE}, {@code OPTIONS}, a CORS preflight), no route for the literal start of longer
 * routes by any method, nor for a route's path with a {@code /} after it (the actuator's too), preconditions that are
 * evaluated and never ignored (RFC 9110 section 13), an unsigned token refused as unsigned in any spelling of
 * {@code none}, and the actuator's routes reading no query they do not take.
 * The refusals themselves are rows of the bad-input table ({@code MethodRows}, {@code PreconditionRows},
 * {@code QueryRows}); this checks what the table cannot: the headers, every method, and what must still pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HttpSemanticsIntegrationTest extends RunningForumTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routes;

    @Autowired
    private ApplicationContext context;

    @Test
    void every_layer_gives_a_path_one_allow() {
        Map<String, String> allow = new LinkedHashMap<>();
        for (String list : List.of("/api/users", "/api/threads", "/api/posts")) {
            allow.put(list, "GET, HEAD, POST, OPTIONS");
        }
        allow.put("/api/users/login", "POST, OPTIONS");
        for (String read : List.of("/api/users/1", "/api/users/jwks.json", "/api/threads/1", "/api/posts/1",
                "/api/posts/in-thread/1", "/api/posts/by-user/1", "/", "/api", "/api/", "/actuator", "/actuator/health",
                "/actuator/health/readiness", "/actuator/info", "/actuator/health/liveness", "/actuator/health/db",
                "/actuator/health/ping", "/actuator/health/readiness/db", "/actuator/health/livenessState")) {
            allow.put(read, "GET, HEAD, OPTIONS");
        }
        allow.forEach((path, expected) -> {
            Reply options = raw("OPTIONS " + path, null);
            assertThat(options.status()).as("OPTIONS %s: %s", path, options).isEqualTo(200);
            assertThat(options.allow()).as("OPTIONS %s", path).hasValue(expected);
            assertThat(options.header("Accept-Patch")).as("OPTIONS %s: no route takes PATCH", path).isEmpty();
            Reply preflight = raw("OPTIONS " + path, "Origin: http://elsewhere.example\r\nAccess-Control-Request-Method: PUT\r\n");
            assertThat(preflight.status()).as("preflight of %s", path).isEqualTo(200);
            assertThat(preflight.allow()).as("preflight of %s", path).hasValue(expected);
            assertThat(preflight.header("Access-Control-Allow-Origin")).as("no cross-origin calls").isEmpty();
            Reply trace = raw("TRACE " + path, null);
            assertThat(trace.status()).as("TRACE %s", path).isEqualTo(405);
            assertThat(trace.allow()).as("TRACE %s", path).hasValue(expected);
            for (String refused : List.of("PUT", "DELETE")) {
                for (String token : new String[] {null, marceline.token()}) {
                    Reply notTaken = raw(refused + " " + path, token == null ? null : "Authorization: Bearer " + token + "\r\n");
                    assertThat(notTaken.status()).as("%s %s with token %s", refused, path, token != null).isEqualTo(405);
                    assertThat(notTaken.allow()).as("%s %s with token %s", refused, path, token != null).hasValue(expected);
                    assertThat(notTaken.json().get("detail").asString()).endsWith("; it takes " + expected);
                }
            }
        });
    }

    /**
     * Every literal start of a route's path that is no route itself ({@code /api/posts/in-thread}) is a 404 for every
     * method, with and without a token: never the id of a route with a variable ({@code /api/posts/{id}}).
     */
    @Test
    void the_literal_start_of_longer_routes_is_no_route_for_any_method() {
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfo route : routes.getHandlerMethods().keySet()) {
            route.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).forEach(patterns::add);
        }
        Set<String> starts = new TreeSet<>();
        for (String pattern : patterns) {
            String[] segments = pattern.substring(1).split("/");
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < segments.length - 1 && !segments[i].contains("{"); i++) {
                start.append('/').append(segments[i]);
                if (!patterns.contains(start.toString())) {
                    starts.add(start.toString());
                }
            }
        }
        assertThat(starts).contains("/api/posts/in-thread", "/api/posts/by-user");
        for (String path : starts) {
            for (String method : METHODS) {
                for (String token : new String[] {null, marceline.token()}) {
                    Reply reply = raw(method + " " + path, token == null ? null : "Authorization: Bearer " + token + "\r\n");
                    assertThat(reply.status()).as("%s %s with token %s: %s", method, path, token != null, reply).isEqualTo(404);
                    assertThat(reply.allow()).as("%s %s", method, path).isEmpty();
                    if (!method.equals("HEAD")) {
                        assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:no-route");
                    }
                }
            }
        }
    }

    /**
     * Every route's path with a {@code /} after it is no route, by every method, with and without a token: the 404
     * naming the path to send. Every route of the port, the actuator's too, whose pattern for health groups and
     * components ({@code /actuator/health/{*path}}) matches such a path; only a route whose pattern ends in {@code /}
     * (the tutorial's {@code /api/}) takes one.
     */
    @Test
    void every_routes_path_with_a_slash_after_it_is_no_route_for_any_method() {
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo route : mapping.getHandlerMethods().keySet()) {
                route.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).forEach(patterns::add);
            }
        }
        Set<String> paths = new TreeSet<>(List.of("/actuator/health/liveness", "/actuator/health/readiness"));
        // The error page is no route itself (ContainerRows), so /error/ names no path to send; nor does a pattern that
        // matches any path below it (/actuator/health/**), whose paths the endpoint may lack (/actuator/health/x).
        patterns.stream()
                .filter(pattern -> !pattern.contains("*") && !pattern.endsWith("/") && !patterns.contains(pattern + "/"))
                .filter(pattern -> !pattern.equals("/error")).map(pattern -> pattern.replaceAll("\\{[^}]+}", "1")).forEach(paths::add);
        assertThat(paths).contains("/api/users", "/api/users/1", "/api/users/login", "/actuator", "/actuator/health",
                "/actuator/info").doesNotContain("/api");
        assertThat(raw("GET /error/", null).json().get("detail").asString()).isEqualTo("No route has the path /error/");
        for (String path : paths) {
            for (String method : METHODS) {
                for (String token : new String[] {null, marceline.token()}) {
                    Reply reply = raw(method + " " + path + "/", token == null ? null : "Authorization: Bearer " + token + "\r\n");
                    assertThat(reply.status()).as("%s %s/ with token %s: %s", method, path, token != null, reply).isEqualTo(404);
                    assertThat(reply.contentType()).as("%s %s/", method, path).isEqualTo("application/problem+json");
                    assertThat(reply.allow()).as("%s %s/", method, path).isEmpty();
                    if (!method.equals("HEAD")) {
                        assertThat(reply.json().get("detail").asString()).as("%s %s/", method, path)
                                .isEqualTo("No route has the path " + path + "/: no route ends in '/'; send " + path);
                    }
                }
            }
        }
        assertThat(http.get("/api/").status()).as("the tutorial's route that ends in '/'").isEqualTo(200);
    }

    /**
     * A path below the health endpoint that names no group or component of it, nor a group's member, is no route, by
     * every method, with and without a token: the same 404 as {@code GET}, though Actuator's pattern for health groups
     * and components ({@code /actuator/health/{*path}}) matches it. Paths below the other endpoints match no pattern
     * and are answered alike. The groups and components the endpoint has answer {@code GET} as before
     * ({@link #every_layer_gives_a_path_one_allow} checks their other methods).
     */
    @Test
    void a_path_below_an_actuator_endpoint_that_it_lacks_is_no_route_for_any_method() {
        for (String path : List.of("/actuator/health/liveness/x", "/actuator/health/x", "/actuator/health/x/y/z",
                "/actuator/health/db/x", "/actuator/health/liveness/db", "/actuator/health/readiness/db/x",
                "/actuator/health/readiness/x/y", "/actuator/health/x/", "/actuator/info/x", "/actuator/x/y",
                // Spring Boot's liveness probe shows no components, so it has none below it.
                "/actuator/health/liveness/livenessState")) {
            for (String method : METHODS) {
                for (String token : new String[] {null, marceline.token()}) {
                    Reply reply = raw(method + " " + path,
                            token == null ? null : "Authorization: Bearer " + token + "\r\n");
                    assertThat(reply.status()).as("%s %s with token %s: %s", method, path, token != null, reply)
                            .isEqualTo(404);
                    assertThat(reply.contentType()).as("%s %s", method, path).isEqualTo("application/problem+json");
                    assertThat(reply.allow()).as("%s %s", method, path).isEmpty();
                    if (!method.equals("HEAD")) {
                        assertThat(reply.json().get("type").asString()).isEqualTo("urn:forum:problem:no-route");
                        assertThat(reply.json().get("detail").asString()).as("%s %s", method, path)
                                .isEqualTo("No route has the path " + path);
                    }
                }
            }
        }
        for (String known : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/health/db", "/actuator/health/ping", "/actuator/health/readiness/db",
                "/actuator/health/livenessState", "/actuator/info")) {
            assertThat(http.get(known).status()).as(known).isEqualTo(200);
            assertThat(http.send("HEAD", known, null, null).status()).as("HEAD %s", known).isEqualTo(200);
        }
        assertThat(http.get("/actuator/health/readiness/db").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void a_read_is_answered_only_while_its_if_match_holds() {
        Reply first = http.get("/api/users/2");
        String tag = first.etag().orElseThrow();
        assertThat(http.send("GET", "/api/users/2", null, null, "If-Match", tag).body()).isEqualTo(first.body());
        assertThat(http.send("GET", "/api/users/2", null, null, "If-Match", "\"0123\", " + tag).status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/users/2", null, null, "If-Match", "*").status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/users/2", null, null, "If-Match", "W/" + tag).status())
                .as("If-Match compares strongly").isEqualTo(412);
        Reply kept = http.send("GET", "/api/users/2", null, null, "If-Match", "\"nope\"");
        assertThat(kept.status()).as("a kept answer too: %s", kept).isEqualTo(412);
        assertThat(kept.contentType()).isEqualTo("application/problem+json");
        assertThat(kept.body()).doesNotContain("finn");
        assertThat(http.send("HEAD", "/api/users/2", null, null, "If-Match", "\"nope\"").status()).isEqualTo(412);
        assertThat(http.send("GET", "/api/users/2", null, null, "If-Match", "\"nope\"", "If-None-Match", tag).status())
                .as("If-Match is evaluated first").isEqualTo(412);
        Reply unchanged = http.send("GET", "/api/users/2", null, null, "If-Match", tag, "If-None-Match", tag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.etag()).hasValue(tag);
        assertThat(http.send("GET", "/api/users/2", null, null, "If-None-Match", "*").status()).as("it exists").isEqualTo(304);
        assertThat(http.send("GET", "/api/users/jwks.json", null, null, "If-None-Match", "*").status()).isEqualTo(304);
        assertThat(http.send("GET", "/api/users/jwks.json", null, null, "If-Match", "*").status()).isEqualTo(200);
        // Preconditions count only where the answer would be a 2xx (RFC 9110 13.2.1), and OPTIONS selects no representation.
        assertThat(http.send("GET", "/api/users/999", null, null, "If-Match", "\"nope\"").status()).isEqualTo(404);
        assertThat(http.send("GET", "/api/users/1?x=1", null, null, "If-Match", "\"nope\"").status()).isEqualTo(400);
        assertThat(http.send("OPTIONS", "/api/users/1", null, null, "If-Match", "\"nope\"").status()).isEqualTo(200);
    }

    @Test
    void a_write_is_made_only_while_its_preconditions_hold() {
        String thread = "{\"title\":\"conditional\"}";
        int before = http.get("/api/threads?limit=1000").json().size();
        assertThat(marceline.send("POST", "/api/threads", "application/json", thread, "If-Match", "*").status()).isEqualTo(201);
        assertThat(marceline.send("POST", "/api/threads", "application/json", thread, "If-None-Match", "\"0123\"").status())
                .isEqualTo(201);
        Reply refused = marceline.send("POST", "/api/threads", "application/json", thread, "If-Match", "\"nope\"");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:forum:problem:precondition-failed");
        assertThat(marceline.send("POST", "/api/threads", "application/json", thread, "If-None-Match", "*").status())
                .isEqualTo(412);
        assertThat(http.get("/api/threads?limit=1000").json().size()).as("two written, not four").isEqualTo(before + 2);
        assertThat(http.send("POST", "/api/threads", "application/json", thread, "If-Match", "\"nope\"").status())
                .as("no token: refused so, whatever its preconditions").isEqualTo(401);
    }

    /** {@code "alg": "none"} in any case is an unsigned token, refused as that on every route that reads a token. */
    @Test
    void an_unsigned_token_is_refused_as_unsigned_in_any_spelling() {
        for (String algorithm : List.of("none", "None", "NONE", "nOnE")) {
            for (String signature : List.of("", "c2lnbmVk")) {
                String token = part("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "."
                        + part("{\"sub\":\"1\",\"iss\":\"urn:forum:users\",\"aud\":\"urn:forum:api\",\"exp\":4102444800}")
                        + "." + signature;
                List<Reply> replies = new ArrayList<>(List.of(http.withToken(token).get("/api/users/1"),
                        http.withToken(token).postJson("/api/threads", "{\"title\":\"unsigned\"}")));
                for (Reply reply : replies) {
                    assertThat(reply.status()).as("%s: %s", algorithm, reply).isEqualTo(401);
                    assertThat(reply.json().get("detail").asString()).as(algorithm)
                            .contains("it is unsigned (alg none), and unsigned tokens are not accepted")
                            .doesNotContain("signature does not verify", "well-formed");
                    assertThat(reply.wwwAuthenticate()).hasValueSatisfying(challenge -> assertThat(challenge)
                            .startsWith("Bearer error=\"invalid_token\"").contains("unsigned"));
                }
            }
        }
    }

    /** The health checks send no query and pass; a query the actuator's routes do not take is refused on HEAD too. */
    @Test
    void the_health_checks_pass_and_an_actuator_route_takes_no_query_it_does_not_read() {
        for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness", "/actuator/info")) {
            assertThat(http.get(probe).status()).as(probe).isEqualTo(200);
        }
        assertThat(http.send("HEAD", "/actuator/health?x=1", null, null).status()).isEqualTo(400);
        assertThat(http.send("OPTIONS", "/actuator/health?x=1", null, null).status()).as("OPTIONS ignores the query").isEqualTo(200);
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A raw request of {@code requestLine} ({@code METHOD /path}) with the header fields {@code fields} (null: none). */
    private Reply raw(String requestLine, String fields) {
        return http.sendRaw(requestLine + " HTTP/1.1\r\n" + (fields == null ? "" : fields));
    }
}
