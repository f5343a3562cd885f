package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.ForumApplication;
import forum.support.EnabledIfPostgres;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.PostgresServer;
import forum.support.SampleUsers;
import forum.topology.SplitForum;
import forum.users.internal.auth.LoginThrottle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two processes holding the users module, on one PostgreSQL database, as during a canary: failed logins counted by
 * one block the next attempt at the other, per username and client address; another address is not blocked, and a
 * success clears the count. The per-address budgets (failed logins across usernames, sign-ups) are shared the same way.
 */
@EnabledIfPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleOnPostgresIntegrationTest {

    /** Small budgets, so that spending them across both processes is quick; the other tests stay below them. */
    static final int FAILED_LOGIN_BUDGET = 12;
    static final int SIGN_UP_BUDGET = 3;

    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;
    ForumHttp one;
    ForumHttp other;

    @BeforeAll
    void start() {
        PostgresServer server = PostgresServer.instance();
        String database = server.newDatabase();
        int firstPort = SplitForum.freePort();
        int secondPort = SplitForum.freePort();
        first = start(firstPort, server, database);
        second = start(secondPort, server, database);
        one = new ForumHttp(firstPort);
        other = new ForumHttp(secondPort);
    }

    private static ConfigurableApplicationContext start(int port, PostgresServer server, String database) {
        return new SpringApplicationBuilder(ForumApplication.class).run("--server.port=" + port,
                "--spring.datasource.url=" + server.jdbcUrl(database), "--spring.datasource.username=" + server.role(),
                "--spring.datasource.password=" + server.password(), "--forum.seed-data=always",
                // Loopback stands for the load balancer, whose X-Forwarded-For names the client (no proxy by default).
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "--forum.users.budget.failed-logins=" + FAILED_LOGIN_BUDGET, "--forum.users.budget.sign-ups=" + SIGN_UP_BUDGET);
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    void failures_at_one_process_block_the_username_from_that_address_at_the_other() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Reply failed = (attempt % 2 == 0 ? one : other).send("POST", "/api/users/login", "application/json",
                    "{\"username\":\"jake\",\"password\":\"not-the-password\"}", "X-Forwarded-For", "10.1.1.1");
            assertThat(failed.status()).as("attempt %d: %s", attempt, failed).isEqualTo(401);
            assertThat(failed.json().get("type").asString()).isEqualTo("urn:forum:problem:login-failed");
        }
        Reply blocked = one.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"jake\",\"password\":\"" + SampleUsers.JAKE_PASSWORD + "\"}", "X-Forwarded-For", "10.1.1.1");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:forum:problem:rate-limited");
        assertThat(blocked.retryAfter()).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));

        Reply elsewhere = other.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"jake\",\"password\":\"" + SampleUsers.JAKE_PASSWORD + "\"}", "X-Forwarded-For", "10.2.2.2");
        assertThat(elsewhere.status()).as("the same user from another address: %s", elsewhere).isEqualTo(200);
    }

    @Test
    void a_success_clears_the_count() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(one.send("POST", "/api/users/login", "application/json",
                    "{\"username\":\"pb\",\"password\":\"wrong-password\"}", "X-Forwarded-For", "10.3.3.3").status()).isEqualTo(401);
        }
        assertThat(other.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"pb\",\"password\":\"" + SampleUsers.PB_PASSWORD + "\"}", "X-Forwarded-For", "10.3.3.3").status())
                .isEqualTo(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(one.send("POST", "/api/users/login", "application/json",
                    "{\"username\":\"pb\",\"password\":\"wrong-password\"}", "X-Forwarded-For", "10.3.3.3").status())
                    .as("four more failures after a success are not a fifth and later").isEqualTo(401);
        }
    }

    /**
     * Attempts arriving at once at both processes: the check of the block and the count are one step on the pair's
     * locked row, so five passwords are checked in all and every other attempt is refused.
     */
    @Test
    void attempts_made_at_once_at_two_processes_check_no_more_than_five_passwords() throws Exception {
        int attempts = 60;
        CyclicBarrier start = new CyclicBarrier(attempts);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                ForumHttp process = i % 2 == 0 ? one : other;
                statuses.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return process.send("POST", "/api/users/login", "application/json",
                            "{\"username\":\"finn\",\"password\":\"wrong-password-par\"}", "X-Forwarded-For", "10.4.4.4").status();
                }));
            }
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(counts).isEqualTo(Map.of(401, 5, 429, attempts - 5));
        }
    }

    /**
     * Right logins at once at both processes, for one user from one address: five are checked at a time and the others
     * wait for them (in flight, V7), so each is a 200 or, past the wait, the truthful "still being checked" 429; never
     * "too many failed logins", as none failed.
     */
    @Test
    void right_logins_at_once_at_two_processes_all_succeed() throws Exception {
        List<Reply> replies = atOnce(16, i -> "marceline", SampleUsers.MARCELINE_PASSWORD, "10.9.9.9");
        assertTruthful(replies, LoginThrottle.STILL_CHECKED);
        assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).as("%s", replies).isGreaterThan(5);
    }

    /**
     * Right logins at once for four users from one address, more than its failed-login budget (12) at once: the
     * budget is spent by attempts in flight, so the others wait for them too, and succeed.
     */
    @Test
    void right_logins_at_once_beyond_the_address_budget_all_succeed() throws Exception {
        Map<String, String> passwords = Map.of("marceline", SampleUsers.MARCELINE_PASSWORD, "finn", SampleUsers.FINN_PASSWORD,
                "jake", SampleUsers.JAKE_PASSWORD, "pb", SampleUsers.PB_PASSWORD);
        List<String> names = List.of("marceline", "finn", "jake", "pb");
        List<Reply> replies = atOnce(16, i -> names.get(i % 4), null, "10.9.9.10", passwords);
        assertTruthful(replies, LoginThrottle.STILL_CHECKED, LoginThrottle.ADDRESS_STILL_CHECKED);
        assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).as("%s", replies)
                .isGreaterThan(FAILED_LOGIN_BUDGET);
    }

    private static void assertTruthful(List<Reply> replies, String... stillChecked) {
        for (Reply reply : replies) {
            if (reply.status() != 200) {
                assertThat(reply.status()).as("%s", reply).isEqualTo(429);
                assertThat(reply.json().get("detail").asString()).as("%s", reply).isIn((Object[]) stillChecked);
                assertThat(reply.retryAfter()).contains("1");
            }
        }
    }

    private List<Reply> atOnce(int attempts, IntFunction<String> username, String password, String address) throws Exception {
        return atOnce(attempts, username, password, address, Map.of());
    }

    /** Logins released at once, alternately at either process; a user's password from {@code passwords} if there. */
    private List<Reply> atOnce(int attempts, IntFunction<String> username, String password, String address,
                               Map<String, String> passwords) throws Exception {
        CyclicBarrier start = new CyclicBarrier(attempts);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                ForumHttp process = i % 2 == 0 ? one : other;
                String name = username.apply(i);
                String body = "{\"username\":\"" + name + "\",\"password\":\"" + passwords.getOrDefault(name, password) + "\"}";
                replies.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return process.send("POST", "/api/users/login", "application/json", body, "X-Forwarded-For", address);
                }));
            }
            List<Reply> answered = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answered.add(reply.get(60, TimeUnit.SECONDS));
            }
            return answered;
        }
    }

    /** Failed logins with ever new usernames, spent at either process, exhaust the address's budget at both. */
    @Test
    void an_address_spraying_usernames_at_both_processes_is_refused_at_both_once_its_budget_is_spent() {
        for (int attempt = 1; attempt <= FAILED_LOGIN_BUDGET; attempt++) {
            Reply failed = (attempt % 2 == 0 ? one : other).send("POST", "/api/users/login", "application/json",
                    "{\"username\":\"sprayed-" + attempt + "\",\"password\":\"not-the-password\"}", "X-Forwarded-For", "10.5.5.5");
            assertThat(failed.status()).as("attempt %d: %s", attempt, failed).isEqualTo(401);
        }
        for (ForumHttp process : List.of(one, other)) {
            Reply refused = process.send("POST", "/api/users/login", "application/json",
                    "{\"username\":\"sprayed-next\",\"password\":\"not-the-password\"}", "X-Forwarded-For", "10.5.5.5");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:forum:problem:rate-limited");
            assertThat(refused.retryAfter()).isPresent();
        }
        assertThat(one.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"sprayed-next\",\"password\":\"not-the-password\"}", "X-Forwarded-For", "10.6.6.6").status())
                .as("another address").isEqualTo(401);
    }

    /** Sign-ups at either process spend one budget per address; the refused one writes no user. */
    @Test
    void sign_ups_at_both_processes_spend_one_budget_per_address() {
        for (int signUp = 1; signUp <= SIGN_UP_BUDGET; signUp++) {
            Reply created = (signUp % 2 == 0 ? one : other).send("POST", "/api/users", "application/json",
                    newUser("budget-pg-" + signUp), "X-Forwarded-For", "10.7.7.7");
            assertThat(created.status()).as("sign-up %d: %s", signUp, created).isEqualTo(201);
        }
        Reply refused = one.send("POST", "/api/users", "application/json", newUser("budget-pg-over"), "X-Forwarded-For", "10.7.7.7");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(other.send("POST", "/api/users/login", "application/json",
                "{\"username\":\"budget-pg-over\",\"password\":\"a-long-enough-password\"}", "X-Forwarded-For", "10.8.8.8")
                .status()).as("no user was written").isEqualTo(401);
    }

    private static String newUser(String username) {
        return "{\"username\":\"" + username + "\",\"name\":\"Budget\",\"bio\":\"\",\"password\":\"a-long-enough-password\"}";
    }
}
