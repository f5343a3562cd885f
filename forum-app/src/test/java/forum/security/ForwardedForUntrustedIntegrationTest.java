package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.SampleUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * By default a process trusts no proxy ({@code server.tomcat.remoteip.internal-proxies} is empty in
 * application.properties; README, "Identity", "Logins"), not even a loopback peer: it takes no {@code X-Forwarded-For}
 * from anyone, so the login throttle keys failures by the connection's own address, and a client cannot buy more
 * guesses by claiming other addresses. Only a process told its load balancer's address believes the header
 * ({@link ForwardedHostIgnoredIntegrationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ForwardedForUntrustedIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void claimed_addresses_buy_no_more_guesses_when_no_proxy_is_trusted() {
        ForumHttp http = new ForumHttp(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Reply failed = login(http, "not-the-password", "198.51.100." + attempt);
            assertThat(failed.status()).as("attempt %d: %s", attempt, failed).isEqualTo(401);
        }
        Reply blocked = login(http, "not-the-password-either", "198.51.100.99");
        assertThat(blocked.status()).as("a sixth guess, claiming yet another address: %s", blocked).isEqualTo(429);
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:forum:problem:rate-limited");
    }

    private static Reply login(ForumHttp http, String password, String claimedAddress) {
        return http.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"" + SampleUsers.PB + "\",\"password\":\"" + password + "\"}", "X-Forwarded-For", claimedAddress);
    }
}
