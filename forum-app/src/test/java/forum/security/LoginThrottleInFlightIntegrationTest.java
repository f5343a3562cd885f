package forum.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.RateLimitedException;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.SampleUsers;
import forum.users.internal.auth.ClientBudgets;
import forum.users.internal.auth.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Logins at once on the monolith (H2): the throttle counts an attempt before its password is checked, as in flight
 * (V7), and an attempt refused only by attempts still in flight waits for them instead of being told of failures. So
 * logins at once with the right password all succeed, wrong ones still check five passwords and no more, and attempts
 * a crashed process left in flight stop counting as in flight after a while. Each test uses its own client address
 * ({@code X-Forwarded-For}, trusted from loopback here) so that their counts do not meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127.0.0.1/32")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleInFlightIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("usersDataSource")
    DataSource usersDataSource;
    ForumHttp http;
    JdbcClient users;

    @BeforeEach
    void connect() {
        http = new ForumHttp(port);
        users = JdbcClient.create(usersDataSource);
    }

    /**
     * The reported bug: 16 logins at once with the right password for one user from one address were five 200s and
     * eleven 429s "Too many failed logins", though none failed. Now the others wait while five are checked: each is a
     * 200, or (on a machine too slow to check them all within the wait) the truthful "still being checked" 429.
     */
    @Test
    void right_logins_at_once_for_one_user_from_one_address_all_succeed() throws Exception {
        List<Reply> replies = atOnce(16, SampleUsers.MARCELINE, SampleUsers.MARCELINE_PASSWORD, "192.0.2.91");
        for (Reply reply : replies) {
            if (reply.status() != 200) {
                assertThat(reply.status()).as("%s", reply).isEqualTo(429);
                assertThat(reply.json().get("detail").asString()).as("%s", reply).isEqualTo(LoginThrottle.STILL_CHECKED);
                assertThat(reply.retryAfter()).contains("1");
            }
        }
        assertThat(replies.stream().filter(reply -> reply.status() == 200).count())
                .as("more than the five checked at a time succeed: %s", replies).isGreaterThan(5);
        assertThat(users.sql("select count(*) from users.login_failures where client_address = '192.0.2.91'")
                .query(Integer.class).single()).as("nothing stays counted").isZero();
        assertThat(login(SampleUsers.MARCELINE, SampleUsers.MARCELINE_PASSWORD, "192.0.2.91").status()).isEqualTo(200);
    }

    /**
     * Wrong passwords at once: five are checked (401), and every other attempt, once those five have failed, is
     * refused with the block's own detail; so is the right password after them.
     */
    @Test
    void wrong_logins_at_once_check_five_passwords_and_then_block_with_the_failures_message() throws Exception {
        List<Reply> replies = atOnce(20, SampleUsers.JAKE, "wrong-password-at-once", "192.0.2.92");
        Map<Integer, Integer> counts = new TreeMap<>();
        replies.forEach(reply -> counts.merge(reply.status(), 1, Integer::sum));
        assertThat(counts).isEqualTo(Map.of(401, 5, 429, 15));
        assertThat(replies).filteredOn(reply -> reply.status() == 429)
                .allSatisfy(reply -> assertThat(reply.json().get("detail").asString()).isEqualTo(LoginThrottle.TOO_MANY_FAILURES));
        Reply right = login(SampleUsers.JAKE, SampleUsers.JAKE_PASSWORD, "192.0.2.92");
        assertThat(right.status()).as("%s", right).isEqualTo(429);
        assertThat(right.json().get("detail").asString()).isEqualTo(LoginThrottle.TOO_MANY_FAILURES);
    }

    /**
     * Five attempts a process took and never resolved (it crashed): while they are in flight a sixth waits, then is
     * refused as still being checked; 30 s on (LoginThrottle.IN_FLIGHT_TIMEOUT) they count as the failures they may
     * have been, no longer in flight, and the pair is throttled as after five failures, not blocked for ever.
     */
    @Test
    void attempts_left_in_flight_by_a_crashed_process_expire() {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        LoginThrottle throttle = throttle(clock, 100);
        for (int i = 0; i < 5; i++) {
            throttle.attempt("bmo", "192.0.2.93");
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> throttle.attempt("bmo", "192.0.2.93"))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo(LoginThrottle.STILL_CHECKED);
                    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited, boundedly")
                .isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(10));

        clock.now = clock.now.plusSeconds(31);
        LoginThrottle.Attempt sixth = throttle.attempt("bmo", "192.0.2.93");
        assertThat(sixth.failures()).as("the five expired ones count as failures").isEqualTo(6);
        assertThat(sixth.blockedUntil()).isEqualTo(clock.now.plusSeconds(10));
        assertThat(users.sql("select in_flight from users.login_failures where username = 'bmo' and client_address ="
                + " '192.0.2.93'").query(Integer.class).single()).as("only the sixth is in flight").isEqualTo(1);
        throttle.failed(sixth);
        assertThatThrownBy(() -> throttle.attempt("bmo", "192.0.2.93"))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo(LoginThrottle.TOO_MANY_FAILURES);
                    assertThat(refused.retryAfterSeconds()).isEqualTo(10);
                });
    }

    /** A success clears the count and the block, but the attempts still in flight beside it stay counted. */
    @Test
    void a_success_leaves_the_attempts_still_in_flight_counted() {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        LoginThrottle throttle = throttle(clock, 100);
        LoginThrottle.Attempt first = throttle.attempt("lsp", "192.0.2.94");
        throttle.failed(first);
        throttle.attempt("lsp", "192.0.2.94");
        throttle.attempt("lsp", "192.0.2.94");
        throttle.attempt("lsp", "192.0.2.94");
        throttle.succeeded("lsp", "192.0.2.94");
        assertThat(users.sql("select failures || '/' || in_flight from users.login_failures where username = 'lsp'"
                + " and client_address = '192.0.2.94'").query(String.class).single())
                .as("the failure and the success are gone; two attempts are still being checked").isEqualTo("2/2");
    }

    /**
     * The address's failed-login budget is spent by attempts in flight too: an attempt refused only while some are in
     * flight waits, then is refused as still being checked; once one succeeds (giving its unit back) the next is taken,
     * and once none is in flight the budget's own refusal is answered.
     */
    @Test
    void the_address_budget_waits_for_attempts_in_flight_and_then_refuses_as_before(CapturedOutput output) {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        LoginThrottle throttle = throttle(clock, 2);
        throttle.attempt("ice-king", "192.0.2.95");
        LoginThrottle.Attempt gunter = throttle.attempt("gunter", "192.0.2.95");
        assertThatThrownBy(() -> throttle.attempt("marceline", "192.0.2.95"))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> assertThat(refused.getMessage())
                        .isEqualTo(LoginThrottle.ADDRESS_STILL_CHECKED));
        assertThat(output.getAll()).as("no refusal of the address is logged while it waits")
                .doesNotContain("Client address 192.0.2.95 is refused");
        throttle.succeeded("ice-king", "192.0.2.95");
        LoginThrottle.Attempt marceline = throttle.attempt("marceline", "192.0.2.95");
        throttle.failed(gunter);
        throttle.failed(marceline);
        assertThatThrownBy(() -> throttle.attempt("bubblegum", "192.0.2.95"))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> assertThat(refused.getMessage())
                        .isEqualTo("budget refused"));
        assertThat(output.getAll()).contains("Client address 192.0.2.95 is refused");
    }

    private LoginThrottle throttle(Clock clock, int addressLimit) {
        ClientBudgets budgets = new ClientBudgets(usersDataSource, clock);
        return new LoginThrottle(usersDataSource, clock, budgets, new ClientBudgets.Budget("in-flight-test-" + addressLimit,
                addressLimit, Duration.ofMinutes(15), "budget refused"));
    }

    /** {@code attempts} logins released at once, their replies in the order sent. */
    private List<Reply> atOnce(int attempts, String username, String password, String address) throws Exception {
        CyclicBarrier start = new CyclicBarrier(attempts);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                replies.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return login(username, password, address);
                }));
            }
            List<Reply> answered = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answered.add(reply.get(60, TimeUnit.SECONDS));
            }
            return answered;
        }
    }

    private Reply login(String username, String password, String clientAddress) {
        return http.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", "X-Forwarded-For", clientAddress);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
