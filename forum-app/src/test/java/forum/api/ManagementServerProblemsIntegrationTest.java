package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Actuator on a port of its own, as under the {@code prod} profile (where ECS and the load balancer check health):
 * what its Tomcat refuses before any filter runs is a problem of the catalogue too, not Tomcat's HTML page, and
 * HTTP/2's connection preface gets the 505 problem, as on the application's port ({@link HttpProtocolContract},
 * {@link ContainerRows}). In: raw requests to the management port; out: status, Content-Type and problem type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@DirtiesContext
class ManagementServerProblemsIntegrationTest {

    @LocalManagementPort
    private int managementPort;

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

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).as(reply.toString()).isEqualTo("urn:forum:problem:" + type);
    }
}
