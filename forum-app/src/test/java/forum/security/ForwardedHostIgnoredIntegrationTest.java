package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What the application sees of a request that came through a trusted proxy (here loopback, as the local stand-in's
 * HAProxy): the client's address from {@code X-Forwarded-For}, but never the host or port a client put in
 * {@code X-Forwarded-Host} or {@code X-Forwarded-Port}, which a proxy passes on as sent (application.properties,
 * {@code server.tomcat.remoteip.host-header} and {@code port-header} empty). A filter of this test echoes what the
 * application sees, before anything else runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127.0.0.1/32")
@DirtiesContext
class ForwardedHostIgnoredIntegrationTest {

    @TestConfiguration
    static class EchoWhatTheApplicationSees {
        @Bean
        FilterRegistrationBean<Filter> echo() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setHeader("X-Seen-Host", http.getServerName());
                answer.setHeader("X-Seen-Port", Integer.toString(http.getServerPort()));
                answer.setHeader("X-Seen-Remote", http.getRemoteAddr());
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void the_client_address_comes_from_a_trusted_proxy_but_the_host_and_port_never_do() {
        Reply reply = new ForumHttp(port).send("GET", "/api/users/1", null, null, "X-Forwarded-For", "198.51.100.23",
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "8443");
        assertThat(reply.header("X-Seen-Remote")).as("X-Forwarded-For from the trusted proxy").hasValue("198.51.100.23");
        assertThat(reply.header("X-Seen-Host")).hasValue("127.0.0.1");
        assertThat(reply.header("X-Seen-Port")).hasValue(Integer.toString(port));
    }
}
