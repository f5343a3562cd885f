package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.SampleUsers;
import forum.users.internal.auth.ClientBudgets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-address budgets over HTTP on the monolith (H2), with the production limits (README, "Identity", "Logins"):
 * 100 failed logins per address and 15 minutes across all usernames, 20 sign-ups per address and hour; beyond, 429
 * {@code rate-limited} with {@code Retry-After}, nothing written, and one WARN per block, a username only by its hash.
 * Loopback is trusted as a load balancer here, so that each test names its client address in {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.remoteip.internal-proxies=127.0.0.1/32",
        "forum.users.budget.failed-logins=100", "forum.users.budget.failed-logins-window=15m",
        "forum.users.budget.sign-ups=20", "forum.users.budget.sign-ups-window=1h"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ClientBudgetsIntegrationTest {

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

    /** The limits tested here are the production defaults, not some others. */
    @Test
    void the_limits_set_here_are_the_production_defaults() throws IOException {
        Properties production = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            production.load(in);
        }
        assertThat(production).containsEntry("forum.users.budget.failed-logins", "100")
                .containsEntry("forum.users.budget.failed-logins-window", "15m")
                .containsEntry("forum.users.budget.sign-ups", "20")
                .containsEntry("forum.users.budget.sign-ups-window", "1h")
                .containsEntry("server.tomcat.remoteip.internal-proxies", "")
                .containsEntry("server.tomcat.remoteip.host-header", "");
    }

    @Test
    void the_101st_failed_login_from_one_address_is_refused_whatever_the_username(CapturedOutput output) {
        String address = "203.0.113.7";
        for (int attempt = 1; attempt <= 100; attempt++) {
            Reply failed = login("spray-" + attempt, address);
            assertThat(failed.status()).as("attempt %d: %s", attempt, failed).isEqualTo(401);
        }
        int failureRows = countFailures(address);
        for (int refusedAttempt = 1; refusedAttempt <= 3; refusedAttempt++) {
            Reply refused = login("spray-more-" + refusedAttempt, address);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:forum:problem:rate-limited");
            assertThat(refused.retryAfter()).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 15 * 60));
        }
        assertThat(countFailures(address)).as("a refused attempt counts nothing for its username").isEqualTo(failureRows);
        assertThat(occurrences(output.getAll(), "Client address " + address + " is refused login-failure"))
                .as("one WARN for the block, not one per refused attempt").isEqualTo(1);

        Reply elsewhere = login("spray-more-1", "203.0.113.8");
        assertThat(elsewhere.status()).as("another address: %s", elsewhere).isEqualTo(401);
    }

    @Test
    void a_success_gives_its_unit_back_and_the_block_is_logged_when_it_refuses(CapturedOutput output) {
        String address = "203.0.113.30";
        for (int attempt = 1; attempt <= 99; attempt++) {
            assertThat(login("gives-back-" + attempt, address).status()).isEqualTo(401);
        }
        for (int success = 1; success <= 3; success++) {
            assertThat(http.send("POST", "/api/users/login", "application/json", "{\"username\":\"" + SampleUsers.FINN
                    + "\",\"password\":\"" + SampleUsers.FINN_PASSWORD + "\"}", "X-Forwarded-For", address).status()).isEqualTo(200);
        }
        assertThat(login("gives-back-100", address).status()).as("the 100th failure").isEqualTo(401);
        assertThat(occurrences(output.getAll(), "Client address " + address + " is refused"))
                .as("every unit spent, none refused yet: no WARN (a success spent the last unit for a moment)").isZero();
        assertThat(login("gives-back-101", address).status()).as("the 101st").isEqualTo(429);
        assertThat(login("gives-back-102", address).status()).as("the 102nd").isEqualTo(429);
        assertThat(occurrences(output.getAll(), "Client address " + address + " is refused login-failure"))
                .as("one WARN at the first refusal").isEqualTo(1);
    }

    @Test
    void a_username_blocked_from_an_address_is_logged_once_by_its_hash_only(CapturedOutput output) throws Exception {
        String address = "203.0.113.40";
        for (int attempt = 1; attempt <= 8; attempt++) {
            login(SampleUsers.MARCELINE, address);
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(SampleUsers.MARCELINE.getBytes(StandardCharsets.UTF_8)), 0, 8);
        String all = output.getAll();
        assertThat(occurrences(all, "Username " + hash + " is refused from client address " + address))
                .as("the 5th failure blocks (one WARN); the 6th to 8th are refused while it lasts (none)").isEqualTo(1);
        assertThat(lines(all, address)).noneMatch(line -> line.contains(SampleUsers.MARCELINE));
    }

    @Test
    void the_21st_sign_up_from_one_address_is_refused_and_writes_no_user(CapturedOutput output) {
        String address = "203.0.113.20";
        for (int signUp = 1; signUp <= 20; signUp++) {
            Reply created = signUp("budget-" + signUp, address);
            assertThat(created.status()).as("sign-up %d: %s", signUp, created).isEqualTo(201);
        }
        long usersBefore = users.sql("select count(*) from users.users").query(Long.class).single();
        Reply refused = signUp("budget-21", address);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:forum:problem:rate-limited");
        assertThat(refused.retryAfter()).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(3000, 3600));
        assertThat(users.sql("select count(*) from users.users").query(Long.class).single()).isEqualTo(usersBefore);
        assertThat(users.sql("select count(*) from users.users where username = 'budget-21'").query(Long.class).single())
                .isZero();
        assertThat(occurrences(output.getAll(), "Client address " + address + " is refused sign-up")).isEqualTo(1);
        // A taken name is not looked up for a refused address (409 against 429 would tell which names exist).
        assertThat(signUp("budget-1", address).status()).as("a taken name from the refused address").isEqualTo(429);
        assertThat(signUp("BUDGET-2", address).status()).as("a taken name in another case").isEqualTo(429);

        assertThat(signUp("budget-21", "203.0.113.21").status()).as("another address").isEqualTo(201);
    }

    /**
     * An IPv6 client is its /64 network (README, "Identity", "Logins"): its host takes any address of it at will, so
     * guesses from five addresses of one /64 block the username there, and a sixth address of it is refused too.
     */
    @Test
    void guesses_from_many_addresses_of_one_ipv6_network_count_as_one_client(CapturedOutput output) {
        for (int host = 1; host <= 5; host++) {
            Reply failed = login(SampleUsers.JAKE, "2001:db8:7:1::" + host);
            assertThat(failed.status()).as("guess %d: %s", host, failed).isEqualTo(401);
        }
        Reply refused = login(SampleUsers.JAKE, "2001:db8:7:1:ffff:ffff:ffff:fffe");
        assertThat(refused.status()).as("a sixth address of the network: %s", refused).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:forum:problem:rate-limited");
        assertThat(output.getAll()).contains("is refused from client address 2001:db8:7:1::/64");

        assertThat(login(SampleUsers.JAKE, "2001:db8:7:2::1").status()).as("the next network").isEqualTo(401);
    }

    /** The sign-up budget of an IPv6 client is its /64's, whichever addresses of it the sign-ups come from. */
    @Test
    void the_21st_sign_up_from_one_ipv6_network_is_refused_whatever_its_address() {
        for (int signUp = 1; signUp <= 20; signUp++) {
            Reply created = signUp("budget-v6-" + signUp, "2001:db8:20:1::" + Integer.toHexString(signUp));
            assertThat(created.status()).as("sign-up %d: %s", signUp, created).isEqualTo(201);
        }
        Reply refused = signUp("budget-v6-21", "2001:db8:20:1:abcd::21");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(users.sql("select count(*) from users.users where username = 'budget-v6-21'").query(Long.class).single())
                .isZero();
        assertThat(signUp("budget-v6-21", "2001:db8:20:2::1").status()).as("the next network").isEqualTo(201);
    }

    /** A process deletes ended windows at most once a minute, not at every request. */
    @Test
    void ended_windows_are_purged_at_most_once_a_minute() {
        MovableClock clock = new MovableClock(Instant.parse("2020-01-01T00:00:00Z"));
        ClientBudgets budgets = new ClientBudgets(usersDataSource, clock);
        ClientBudgets.Budget budget = new ClientBudgets.Budget("purge-test", 5, Duration.ofSeconds(20), "no");
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(usersDataSource));
        transactions.executeWithoutResult(status -> {
            budgets.check(budget, "192.0.2.1");
            budgets.spend(budget, "192.0.2.1");
        });
        assertThat(budgets.purgeIfDue()).as("the first purge is due").isTrue();
        assertThat(purgeTestRows()).as("its window has not ended").isEqualTo(1);

        clock.now = Instant.parse("2020-01-01T00:00:30Z");
        assertThat(budgets.purgeIfDue()).as("30 s after the last purge").isFalse();
        assertThat(purgeTestRows()).as("ended, but not purged before the minute is over").isEqualTo(1);

        clock.now = Instant.parse("2020-01-01T00:01:00Z");
        assertThat(budgets.purgeIfDue()).isTrue();
        assertThat(purgeTestRows()).isZero();
    }

    private long purgeTestRows() {
        return users.sql("select count(*) from users.client_budgets where budget = 'purge-test'").query(Long.class).single();
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

    private Reply login(String username, String address) {
        return http.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"not-the-password\"}", "X-Forwarded-For", address);
    }

    private Reply signUp(String username, String address) {
        return http.send("POST", "/api/users", "application/json", "{\"username\":\"" + username
                + "\",\"name\":\"Budget\",\"bio\":\"\",\"password\":\"a-long-enough-password\"}", "X-Forwarded-For", address);
    }

    private int countFailures(String address) {
        return users.sql("select count(*) from users.login_failures where client_address = :client")
                .param("client", address).query(Integer.class).single();
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static java.util.List<String> lines(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).toList();
    }
}
