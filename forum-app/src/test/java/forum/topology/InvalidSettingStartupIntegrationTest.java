package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import forum.ForumApplication;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A forum setting that cannot work (out of its range, or not of its type) stops the start with Spring Boot's
 * description and action naming the setting and what to write (forum.platform.settings), never a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingStartupIntegrationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--forum.users.budget.sign-ups=0         | forum.users.budget.sign-ups=0 and forum.users.budget.sign-ups-window=PT1H: a budget needs a limit of 1 or more",
        "--forum.users.budget.failed-logins-window=0s | and forum.users.budget.failed-logins-window=PT0S: a budget needs a limit of 1 or more",
        "--forum.users.budget.sign-ups-window=abc | forum.users.budget.sign-ups-window=abc is not a duration, e.g. 500ms, 15m or 1h",
        "--forum.users.budget.failed-logins=many  | forum.users.budget.failed-logins=many is not a whole number",
        "--forum.users.password-hashing.wait=-1s  | forum.users.password-hashing.wait=PT-1S: slots must be 0 (one per CPU) or more",
        "--forum.security.jwt.lifetime=0s         | forum.security.jwt.lifetime=PT0S: a token's lifetime must be positive",
        "--forum.http.max-body-size=big           | forum.http.max-body-size=big is not a size, e.g. 64KB or 32MB",
        "--forum.seed-data=sometimes              | forum.seed-data=sometimes is not one of embedded, always, never",
        "--forum.topology.local-modules=posts     | forum.topology.local-modules is now extraction.topology.local-modules (the old names are no longer read)",
        "--forum.warm-up.rounds=0                 | forum.warm-up.rounds is now extraction.warm-up.rounds",
        "--forum.datasource.posts.maximum-pool-size=many | forum.datasource.posts.maximum-pool-size=many is not a whole number",
        "--forum.datasource.users.maximum-pool-size=0 | forum.datasource.users.maximum-pool-size=0: a pool needs 1 connection or more",
        "--spring.datasource.maximum-pool-size=-2 | spring.datasource.maximum-pool-size=-2: a pool needs 1 connection or more",
        "--forum.datasource.threads.connection-timeout=soon | forum.datasource.threads.connection-timeout=soon is not a duration, e.g. 500ms, 15m or 1h",
        "--forum.datasource.posts.connection-timeout=100ms | forum.datasource.posts.connection-timeout=100ms: HikariCP waits 250ms or more for a connection",
        "--forum.datasource.posts.moved.url=jdbc:h2:mem:moved --forum.datasource.posts.moved.poll-interval=often | forum.datasource.posts.moved.poll-interval=often is not a duration",
    })
    void isRefusedWithOneDescriptionNamingTheSetting(String argument, String description, CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ForumApplication.class)
                .run(Stream.concat(Stream.of("--server.port=0", "--management.server.port=0"),
                        Arrays.stream(argument.split(" "))).toArray(String[]::new)).close());

        assertThat(failure).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains(description)
                .doesNotContain("Application run failed"); // Spring Boot's line before a stack trace it could not analyze
    }

    /** Spring Boot's own settings of the two HTTP servers, which Tomcat alone would refuse only once it starts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--server.port=99999            | --management.server.port=0 | server.port=99999: a port is a whole number from 1 to 65535 (0: any free port, -1: no HTTP server)",
        "--server.port=-2               | --management.server.port=0 | server.port=-2: a port is a whole number from 1 to 65535",
        "--management.server.port=70000 | --server.port=0            | management.server.port=70000: a port is a whole number from 1 to 65535",
        "--server.address=192.0.2.7     | --server.port=0            | server.address=192.0.2.7: 192.0.2.7 is not an address of this machine, so no server can listen there",
    })
    void aServerThatCouldNotBindIsRefusedBeforeAnythingStarts(String argument, String otherPort, String description,
            CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ForumApplication.class)
                .run(otherPort, argument).close());

        assertThat(failure).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains(description)
                .doesNotContain("Application run failed")
                .doesNotContain("Migrating schema"); // refused before any module's database is touched
    }
}
