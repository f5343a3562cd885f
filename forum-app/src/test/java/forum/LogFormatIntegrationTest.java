package forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs are readable text on a developer's console and JSON lines (Elastic Common Schema) under the prod profile,
 * and name the forum and its own version, never those of whatever launched the JVM (here: the test runner).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatIntegrationTest {

    /** The build's version, handed to the tests by the build (forum-app's pom). */
    private static final String VERSION = System.getProperty("forum.expected.version");

    @Test
    void the_console_shows_text_lines_by_default(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start()) {
            List<String> lines = startedLines(output);
            assertThat(lines).isNotEmpty().noneMatch(line -> line.startsWith("{"));
            assertThat(lines.getFirst()).contains("INFO").contains("[forum]").contains("v" + VERSION);
        }
    }

    @Test
    void the_prod_profile_logs_json_lines_with_the_forums_name_and_version(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("--spring.profiles.active=prod", "--management.server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:logformat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")) {
            List<String> lines = startedLines(output);
            assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("{"));
            JsonNode line = JsonMapper.shared().readTree(lines.getFirst());
            // The Elastic Common Schema's dotted keys, as Elastic's encoder writes them (forum.platform.logging).
            assertThat(line.get("service.name").asString()).isEqualTo("forum");
            assertThat(line.get("service.version").asString()).isEqualTo(VERSION);
            assertThat(line.get("log.level").asString()).isEqualTo("INFO");
            assertThat(line.get("message").asString()).contains("Starting ForumApplication");
        }
    }

    @Test
    void the_build_handed_over_a_version() {
        assertThat(VERSION).isNotBlank().doesNotContain("@");
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        // Spring Boot hands the log format to Logback through system properties, which outlive a context in this
        // JVM: an earlier test's JSON format must not leak into this one.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.contains("STRUCTURED_FORMAT"))
                .forEach(System::clearProperty);
        // A context another test class left open (the test framework caches them) keeps Logback marked as set up, and
        // Spring Boot would then not set it up again for this one: its format would be that context's.
        LoggingSystem.get(LogFormatIntegrationTest.class.getClassLoader()).cleanUp();
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--extraction.warm-up.rounds=0";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        SpringApplication application = new SpringApplication(ForumApplication.class);
        application.setMainApplicationClass(ForumApplication.class);
        return application.run(all);
    }

    private static List<String> startedLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("Starting ForumApplication")).toList();
    }
}
