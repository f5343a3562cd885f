package forum.cache;

import static org.assertj.core.api.Assertions.assertThat;

import forum.ForumApplication;
import forum.support.EnabledIfPostgres;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.PostgresServer;
import forum.support.SampleUsers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two processes of the forum on one PostgreSQL database, as during a canary: this test's JVM and a second JVM started
 * from the same class path. Each keeps its own read answers; a write through either is read by the very next read
 * through the other (read-your-writes across processes, the freshness bound of zero the README states), and a read
 * that follows no write is given from the process's own kept answers.
 */
@EnabledIfPostgres
@Timeout(300)
class CachedReadsAcrossProcessesOnPostgresIntegrationTest {

    private static ConfigurableApplicationContext here;
    private static Process other;
    private static Path otherLog;
    private static ForumHttp first;
    private static ForumHttp second;

    @BeforeAll
    static void startBoth() throws Exception {
        PostgresServer server = PostgresServer.instance();
        String database = server.newDatabase();
        List<String> settings = List.of("--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + server.role(), "--spring.datasource.password=" + server.password(),
                "--forum.seed-data=always");
        List<String> hereArguments = new ArrayList<>(settings);
        hereArguments.add("--server.port=0");
        here = new SpringApplicationBuilder(ForumApplication.class).run(hereArguments.toArray(String[]::new));
        first = new ForumHttp(Integer.parseInt(here.getEnvironment().getProperty("local.server.port")));

        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), ForumApplication.class.getName(), "--server.port=" + port));
        command.addAll(settings);
        otherLog = Files.createTempFile("forum-second-process", ".log");
        other = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(otherLog.toFile()).start();
        second = new ForumHttp(port);
        awaitReady(second, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (other != null) {
            other.destroy();
            if (!other.waitFor(30, TimeUnit.SECONDS)) {
                other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (here != null) {
            here.close();
        }
        if (otherLog != null) {
            Files.deleteIfExists(otherLog);
        }
    }

    @Test
    void a_write_through_either_process_is_read_at_once_through_the_other() {
        ForumHttp marceline = first.loggedInAs(SampleUsers.MARCELINE, SampleUsers.MARCELINE_PASSWORD);
        ForumHttp finn = second.loggedInAs(SampleUsers.FINN, SampleUsers.FINN_PASSWORD);
        for (int round = 0; round < 6; round++) {
            boolean fromFirst = round % 2 == 0;
            ForumHttp writer = fromFirst ? marceline : finn;
            ForumHttp reader = fromFirst ? second : first;
            reader.get("/api/threads");
            reader.get("/api/posts/in-thread/1?limit=1000");
            assertThat(reader.get("/api/threads").cacheStatus()).as("no write since: the reader's own kept answer")
                    .contains(CachedReadsContract.HIT);

            String title = "Across processes #" + round;
            Reply thread = writer.postJson("/api/threads", "{\"title\":\"" + title + "\",\"createdBy\":" + (fromFirst ? 1 : 2) + "}");
            assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
            Reply threads = reader.get("/api/threads");
            assertThat(threads.body()).as("round %d", round).contains(title);
            assertThat(threads.cacheStatus()).contains("forum; fwd=stale");

            String text = "Read at once #" + round;
            Reply post = writer.postJson("/api/posts", "{\"thread\":1,\"text\":\"" + text + "\"}");
            assertThat(post.status()).as(post.toString()).isEqualTo(201);
            assertThat(reader.get("/api/posts/in-thread/1?limit=1000").body()).as("round %d", round).contains(text);
            assertThat(reader.get("/api/posts/" + post.json().get("id").asLong()).body()).contains(text);
            assertThat(writer.get("/api/posts/in-thread/1?limit=1000").etag()).as("the same data, the same tag")
                    .isEqualTo(reader.get("/api/posts/in-thread/1?limit=1000").etag()).isPresent();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(ForumHttp forum, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!other.isAlive()) {
                throw new IllegalStateException("the second process ended: " + Files.readString(otherLog));
            }
            try {
                if (forum.get("/").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the second process was not ready in " + limit + ": " + Files.readString(otherLog));
    }
}
