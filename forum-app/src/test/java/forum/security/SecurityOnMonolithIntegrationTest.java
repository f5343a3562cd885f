package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.RouteAccess;
import forum.posts.PostsApi;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.HttpExchange;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** The security table against the monolith, which verifies tokens with the users module's keys in-process. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SecurityOnMonolithIntegrationTest extends SecurityContract {

    @LocalServerPort
    int port;
    ForumHttp http;

    @BeforeEach
    void connect() {
        http = new ForumHttp(port);
    }

    @Override
    ForumHttp posts() {
        return http;
    }

    /**
     * Every route of every contract says who may call it; each one that needs a user refuses a request without a
     * token with a 401 problem, and each one open to anyone does not ask for one.
     */
    @Test
    void every_contract_route_refuses_or_admits_a_caller_without_a_token_as_its_route_access_says() {
        int routes = 0;
        for (Class<?> contract : List.of(UsersApi.class, ThreadsApi.class, PostsApi.class)) {
            String prefix = AnnotatedElementUtils.findMergedAnnotation(contract, HttpExchange.class).url();
            for (Method method : contract.getMethods()) {
                HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                if (exchange == null) {
                    continue;
                }
                RouteAccess access = method.getAnnotation(RouteAccess.class);
                assertThat(access).as("%s.%s says who may call it", contract.getSimpleName(), method.getName()).isNotNull();
                String path = (prefix + exchange.url()).replaceAll("\\{[^}]+}", "1");
                Reply reply = http.send(exchange.method(), path, "application/json", exchange.method().equals("GET") ? null : "{}");
                if (access.value() == RouteAccess.Caller.USER) {
                    assertThat(reply.status()).as("%s %s without a token: %s", exchange.method(), path, reply).isEqualTo(401);
                    assertThat(reply.contentType()).isEqualTo("application/problem+json");
                } else {
                    assertThat(reply.status()).as("%s %s without a token: %s", exchange.method(), path, reply).isNotEqualTo(401);
                }
                routes++;
            }
        }
        assertThat(routes).isEqualTo(13);
    }
}
