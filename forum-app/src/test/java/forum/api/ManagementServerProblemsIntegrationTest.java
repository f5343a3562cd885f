package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.TestTokens;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Actuator on a port of its own, as under the {@code prod} profile (where ECS and the load balancer check health):
 * what its Tomcat refuses before any filter runs is a problem of the catalogue too, not Tomcat's HTML page, and
 * HTTP/2's connection preface gets the 505 problem, as on the application's port ({@link HttpProtocolContract},
 * {@link ContainerRows}); what reaches it passes the application's filters and error page, so a request is refused
 * there as on the application's port, where Actuator shares it without the {@code prod} profile. In: raw requests to
 * the management port; out: status, Content-Type, problem type and {@code Allow}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@DirtiesContext
class ManagementServerProblemsIntegrationTest {

    @LocalManagementPort
    private int managementPort;

    @LocalServerPort
    private int applicationPort;

    @Test
    void the_management_servers_tomcat_refuses_with_problems() {
        ForumHttp management = new ForumHttp(managementPort);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);

        assertProblem(management.sendRaw("GET /actuator/health/%ZZ HTTP/1.1\r\n"), 400, "non-canonical-path");
        assertProblem(management.sendRaw("GET /actuator/health/| HTTP/1.1\r\n"), 400, "bad-request");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/2.7\r\n"), 505, "http-version-not-supported");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n",
                "0\r\n\r\n"), 400, "bad-request");
        Reply preface = management.sendBytesAsTheyAre("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertProblem(preface, 505, "http-version-not-supported");
    }

    /** The application's filters, in their order, check every request to the management port too. */
    @Test
    void the_management_server_checks_requests_as_the_application_server_does() {
        ForumHttp management = new ForumHttp(managementPort);
        Reply trace = management.sendRaw("TRACE /actuator/health HTTP/1.1\r\n");
        assertProblem(trace, 405, "method-not-allowed");
        assertThat(trace.allow()).as(trace.toString()).contains("GET, HEAD, OPTIONS");
        for (String unknown : new String[] {"FOO", "get", "PROPFIND"}) {
            assertProblem(management.sendRaw(unknown + " /actuator/health HTTP/1.1\r\n"), 501, "not-implemented");
        }
        assertProblem(management.sendRaw("GET /actuator/health/liveness HTTP/1.1\r\nIf-Match: \"x\"\r\n"), 412,
                "precondition-failed");
        assertProblem(management.sendRaw("GET /actuator/health/liveness HTTP/1.1\r\nIf-Match: abc\r\n"), 400, "bad-request");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/1.1\r\nIf-None-Match: abc\r\n"), 400, "bad-request");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/1.1\r\nContent-Type: json\r\n"), 400, "bad-request");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/1.1\r\nContent-Type: a/b\r\nContent-Type: c/d\r\n"),
                400, "bad-request");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/1.1\r\nContent-Encoding: gzip\r\n"), 415,
                "unsupported-media-type");
        assertProblem(management.sendRaw("GET /actuator/health HTTP/1.1\r\nContent-Type: application/json;charset=latin1\r\n"
                + "Content-Length: 2\r\n", "{}"), 415, "unsupported-media-type");
        assertProblem(management.sendRaw("GET /actuator/%68ealth HTTP/1.1\r\n"), 400, "non-canonical-path");
        // Expect: 100-continue, so that the server need not read the body it refuses before it closes.
        assertProblem(management.sendRaw("POST /actuator/health HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 10000000\r\n"), 413, "content-too-large");
    }

    /** {@code OPTIONS}, a CORS preflight too, lists the path's own {@code Allow}, and no {@code Accept-Patch}. */
    @Test
    void the_management_servers_options_list_the_paths_own_methods() {
        ForumHttp management = new ForumHttp(managementPort);
        for (String preflight : new String[] {"", "Origin: http://e\r\nAccess-Control-Request-Method: POST\r\n"}) {
            Reply options = management.sendRaw("OPTIONS /actuator/health HTTP/1.1\r\n" + preflight);
            assertThat(options.status()).as(options.toString()).isEqualTo(200);
            assertThat(options.allow()).as(options.toString()).contains("GET, HEAD, OPTIONS");
            assertThat(options.header("Accept-Patch")).as(options.toString()).isEmpty();
            assertThat(options.header("Access-Control-Allow-Methods")).as(options.toString()).isEmpty();
        }
    }

    /**
     * An actuator route's path with a {@code /} after it is no route, by every method, as on the application's port
     * ({@code PathRows}): the 404 naming the path to send, though Actuator's pattern for health groups and components
     * ({@code /actuator/health/{*path}}) matches it. A write without a token is answered so too, and one with a token.
     */
    @Test
    void the_management_servers_routes_with_a_slash_after_them_are_no_routes() {
        ForumHttp management = new ForumHttp(managementPort);
        String token = TestTokens.forUser(1);
        for (String route : new String[] {"/actuator", "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness", "/actuator/info"}) {
            assertThat(management.get(route).status()).as(route).isEqualTo(200);
            for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}) {
                for (String credential : new String[] {"", "Authorization: Bearer " + token + "\r\n"}) {
                    Reply reply = management.sendRaw(method + " " + route + "/ HTTP/1.1\r\n" + credential);
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
                    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
                    assertThat(reply.allow()).as(reply.toString()).isEmpty();
                    if (!method.equals("HEAD")) {
                        assertProblem(reply, 404, "no-route");
                        assertThat(reply.json().path("detail").asString()).as(reply.toString()).isEqualTo("No route has the path "
                                + route + "/: no route ends in '/'; send " + route);
                    }
                }
            }
        }
        Reply preflight = management.sendRaw("OPTIONS /actuator/health/ HTTP/1.1\r\nOrigin: http://e\r\n"
                + "Access-Control-Request-Method: GET\r\n");
        assertProblem(preflight, 404, "no-route");
        // The modules' routes are not this port's: a path no route of it has, with nothing to send instead.
        Reply module = management.sendRaw("GET /api/users/ HTTP/1.1\r\n");
        assertProblem(module, 404, "no-route");
        assertThat(module.json().path("detail").asString()).isEqualTo("No route has the path /api/users/");
    }

    /**
     * A path below an actuator endpoint that it lacks is no route on Actuator's own port either, by every method, with
     * and without a token: a health group's unknown component, an unknown component, one below a component, a group's
     * component that is not its member, one below the liveness probe (which shows no components, as Spring Boot has
     * it), and paths below the info endpoint and no endpoint. The application's port, which has no actuator route here,
     * answers them alike. The groups and components the endpoint has keep their methods: {@code GET} 200,
     * {@code OPTIONS} their {@code Allow}, a write or {@code TRACE} a 405 with it.
     */
    @Test
    void the_management_servers_paths_below_an_endpoint_that_it_lacks_are_no_routes() {
        String token = "Authorization: Bearer " + TestTokens.forUser(1) + "\r\n";
        String[] methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"};
        for (ForumHttp port : new ForumHttp[] {new ForumHttp(managementPort), new ForumHttp(applicationPort)}) {
            for (String path : new String[] {"/actuator/health/liveness/x", "/actuator/health/readiness/x/y",
                    "/actuator/health/x", "/actuator/health/x/y/z", "/actuator/health/db/x", "/actuator/health/x/",
                    "/actuator/health/liveness/db", "/actuator/health/liveness/livenessState", "/actuator/info/x",
                    "/actuator/x/y"}) {
                for (String method : methods) {
                    for (String credential : new String[] {"", token}) {
                        Reply reply = port.sendRaw(method + " " + path + " HTTP/1.1\r\n" + credential);
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
                        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
                        assertThat(reply.allow()).as(reply.toString()).isEmpty();
                        if (!method.equals("HEAD")) {
                            assertProblem(reply, 404, "no-route");
                            assertThat(reply.json().path("detail").asString()).as(reply.toString())
                                    .isEqualTo("No route has the path " + path);
                        }
                    }
                }
            }
        }
        ForumHttp management = new ForumHttp(managementPort);
        for (String known : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/health/db", "/actuator/health/readiness/db", "/actuator/health/livenessState"}) {
            assertThat(management.get(known).status()).as(known).isEqualTo(200);
            Reply options = management.sendRaw("OPTIONS " + known + " HTTP/1.1\r\n");
            assertThat(options.status()).as(options.toString()).isEqualTo(200);
            assertThat(options.allow()).as(options.toString()).hasValue("GET, HEAD, OPTIONS");
            for (String method : new String[] {"POST", "DELETE", "TRACE"}) {
                for (String credential : new String[] {"", token}) {
                    Reply refused = management.sendRaw(method + " " + known + " HTTP/1.1\r\n" + credential);
                    assertProblem(refused, 405, "method-not-allowed");
                    assertThat(refused.allow()).as(refused.toString()).hasValue("GET, HEAD, OPTIONS");
                }
            }
        }
    }

    /**
     * The read cache runs on the management server too (with the application's other filters) but gives none of the
     * modules' kept answers there: a route kept on the application's port is still no route of the management port.
     */
    @Test
    void the_management_server_gives_no_kept_answer_of_the_applications_routes() {
        ForumHttp application = new ForumHttp(applicationPort);
        ForumHttp management = new ForumHttp(managementPort);
        for (String route : new String[] {"/api/users", "/api/threads", "/api/posts/in-thread/1", "/"}) {
            for (int i = 0; i < 2; i++) {
                assertThat(application.get(route).status()).as(route).isEqualTo(200);
            }
            assertThat(application.get(route).header("Cache-Status")).as(route).hasValue("forum; hit");
            for (String method : new String[] {"GET", "HEAD"}) {
                Reply reply = management.sendRaw(method + " " + route + " HTTP/1.1\r\n");
                assertThat(reply.status()).as(method + " " + route + " on the management port: " + reply).isEqualTo(404);
                assertThat(reply.header("Cache-Status")).as(reply.toString()).isEmpty();
            }
        }
    }

    /** {@code /error} called directly is a path like no other, as on the application's port: the 404 problem. */
    @Test
    void the_management_servers_error_page_is_the_applications() {
        ForumHttp management = new ForumHttp(managementPort);
        for (String method : new String[] {"GET", "PUT", "POST", "DELETE"}) {
            assertProblem(management.sendRaw(method + " /error HTTP/1.1\r\n"), 404, "no-route");
        }
        assertProblem(management.sendRaw("GET /actuator/nothing HTTP/1.1\r\n"), 404, "no-route");
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).as(reply.toString()).isEqualTo("urn:forum:problem:" + type);
    }
}
