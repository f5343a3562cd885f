package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.context.ApplicationContext;

/**
 * What Spring Boot's health endpoint answers a {@code GET} below {@code /actuator/health}, asked of the endpoint itself
 * (no filter of the forum's in between), and the forum's answer by every method checked against it: where the endpoint
 * has nothing (its 404) no route has the path, by any method (the 404 {@code no-route} problem, no {@code Allow});
 * elsewhere {@code GET} gets the endpoint's answer and the other methods the route's ({@code OPTIONS} its
 * {@code Allow}, a write a 405 with it). {@code TRACE} reads no token (it is answered before Spring Security), so it
 * is answered as the endpoint answers an anonymous caller: never a component the caller may not see.
 */
final class HealthEndpointAnswers {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /** A caller with a principal and no role: whom {@code when-authorized} shows components to where no role is set. */
    private static final SecurityContext AUTHORIZED = new SecurityContext() {
        @Override
        public Principal getPrincipal() {
            return () -> "1";
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }
    };

    private final HealthEndpointWebExtension endpoint;

    HealthEndpointAnswers(ApplicationContext application) {
        this.endpoint = application.getBean(HealthEndpointWebExtension.class);
    }

    /**
     * @param namespace  the port's ({@code server}: the application's; {@code management}: Actuator's own)
     * @param authorized whether the caller has a principal (else anonymous)
     * @param below      the path below {@code /actuator/health/}
     * @return the status Spring Boot's endpoint answers a {@code GET} of it with (404: it has nothing there)
     */
    int springBootStatus(WebServerNamespace namespace, boolean authorized, String below) {
        try {
            return endpoint.health(ApiVersion.LATEST, namespace, authorized ? AUTHORIZED : SecurityContext.NONE, false,
                    below.split("/")).getStatus();
        } catch (IllegalStateException noContributor) {
            // Spring Boot 4.1 asserts instead of answering 404 where a segment that names nothing has more after it
            // (/actuator/health/x/y: "'contributor' must not be null"): it has nothing there either.
            if (!String.valueOf(noContributor.getMessage()).contains("'contributor' must not be null")) {
                throw noContributor;
            }
            return 404;
        }
    }

    /**
     * Checks every method's answer of {@code /actuator/health/<below>} on {@code port} against Spring Boot's.
     *
     * @param token the caller's token, or null for an anonymous caller
     */
    void assertEveryMethodAsSpringBoot(ForumHttp port, WebServerNamespace namespace, String below, String token) {
        String path = "/actuator/health/" + below;
        int callers = springBootStatus(namespace, token != null, below);
        int anonymous = springBootStatus(namespace, false, below);
        String credential = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        for (String method : METHODS) {
            Reply reply = port.sendRaw(method + " " + path + " HTTP/1.1\r\n" + credential);
            String as = method + " " + path + (token == null ? "" : " with a token") + ": " + reply;
            int springBoot = method.equals("TRACE") ? anonymous : callers;
            if (springBoot == 404) {
                assertNoRoute(reply, method, path, as);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                assertThat(reply.status()).as(as).isEqualTo(springBoot);
            } else if (method.equals("OPTIONS")) {
                assertThat(reply.status()).as(as).isEqualTo(200);
                assertThat(reply.allow()).as(as).hasValue("GET, HEAD, OPTIONS");
            } else {
                assertThat(reply.status()).as(as).isEqualTo(405);
                assertThat(reply.contentType()).as(as).startsWith("application/problem+json");
                assertThat(reply.allow()).as(as).hasValue("GET, HEAD, OPTIONS");
            }
        }
    }

    /** The 404 {@code no-route} problem of a path no route has, with no {@code Allow} (HEAD: no body to read). */
    static void assertNoRoute(Reply reply, String method, String path, String as) {
        assertThat(reply.status()).as(as).isEqualTo(404);
        assertThat(reply.contentType()).as(as).startsWith("application/problem+json");
        assertThat(reply.allow()).as(as).isEmpty();
        if (!method.equals("HEAD")) {
            assertThat(reply.json().path("type").asString()).as(as).isEqualTo("urn:forum:problem:no-route");
            assertThat(reply.json().path("detail").asString()).as(as).startsWith("No route has the path " + path);
        }
    }

    /** Every method, with and without a token, gets the 404 {@code no-route} problem of {@code path}. */
    static void assertNoRouteByEveryMethod(ForumHttp port, String path, String token) {
        for (String method : METHODS) {
            for (String credential : new String[] {"", "Authorization: Bearer " + token + "\r\n"}) {
                Reply reply = port.sendRaw(method + " " + path + " HTTP/1.1\r\n" + credential);
                assertNoRoute(reply, method, path, method + " " + path + " " + !credential.isEmpty() + ": " + reply);
            }
        }
    }

    /** A route of Spring Boot's that takes {@code GET} alone: 200, its {@code Allow}, a write's 405, token or not. */
    static void assertGetOnlyRoute(ForumHttp port, String path, String token) {
        assertThat(port.get(path).status()).as("GET " + path).isEqualTo(200);
        Reply options = port.sendRaw("OPTIONS " + path + " HTTP/1.1\r\n");
        assertThat(options.allow()).as(options.toString()).hasValue("GET, HEAD, OPTIONS");
        for (String method : new String[] {"POST", "DELETE", "TRACE"}) {
            for (String credential : new String[] {"", "Authorization: Bearer " + token + "\r\n"}) {
                Reply refused = port.sendRaw(method + " " + path + " HTTP/1.1\r\n" + credential);
                assertThat(refused.status()).as(method + " " + path + ": " + refused).isEqualTo(405);
                assertThat(refused.allow()).as(refused.toString()).hasValue("GET, HEAD, OPTIONS");
            }
        }
    }
}
