package forum.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prod profile's log line: one valid JSON object per event on one line, in the Elastic Common Schema's dotted
 * keys, with the log context at the top level and the exception's type, message and stack trace.
 */
class ElasticCommonSchemaFormatterUnitTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("forum.access");

    private final ElasticCommonSchemaFormatter formatter = new ElasticCommonSchemaFormatter(new MockEnvironment()
            .withProperty("spring.application.name", "forum").withProperty("spring.application.version", "1.2.3"));

    @Test
    void a_line_carries_the_schemas_fields_and_the_log_context() {
        LoggingEvent event = event(Level.DEBUG, "GET /api/users -> 200 in 1 ms", null, Map.of("traceId",
                "4bf92f3577b34da6a3ce929d0e0e4736", "requestId", "r-1", "module", "users", "clientAddress", "10.0.0.7"));

        String line = formatter.format(event);
        JsonNode json = JsonMapper.shared().readTree(line);

        assertThat(line).endsWith("\n").doesNotContain("\r").satisfies(l -> assertThat(l.strip()).doesNotContain("\n"));
        assertThat(json.get("@timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(json.get("log.level").asString()).isEqualTo("DEBUG");
        assertThat(json.get("log.logger").asString()).isEqualTo("forum.access");
        assertThat(json.get("message").asString()).isEqualTo("GET /api/users -> 200 in 1 ms");
        assertThat(json.get("service.name").asString()).isEqualTo("forum");
        assertThat(json.get("service.version").asString()).isEqualTo("1.2.3");
        assertThat(json.get("process.thread.name").asString()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.get("requestId").asString()).isEqualTo("r-1");
        assertThat(json.get("module").asString()).isEqualTo("users");
        assertThat(json.get("clientAddress").asString()).isEqualTo("10.0.0.7");
        assertThat(json.has("error.type")).isFalse();
    }

    @Test
    void any_message_stays_one_line_of_valid_json_whatever_it_holds() {
        String message = "quote \" backslash \\ tab \t newline \n return \r control \u0001 unicode é ✓ 🙂 </script>";
        LoggingEvent event = event(Level.WARN, message, null, Map.of("userId", "a\"b\nc"));

        String line = formatter.format(event);
        JsonNode json = JsonMapper.shared().readTree(line);

        assertThat(line.strip()).doesNotContain("\n");
        assertThat(json.get("message").asString()).isEqualTo(message);
        assertThat(json.get("userId").asString()).isEqualTo("a\"b\nc");
    }

    @Test
    void an_exception_gives_its_type_message_and_stack_trace() {
        IllegalStateException failure = new IllegalStateException("database \"forum\" is down",
                new java.io.IOException("connection refused"));

        JsonNode json = JsonMapper.shared().readTree(formatter.format(event(Level.ERROR, "read failed", failure)));

        assertThat(json.get("error.type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error.message").asString()).isEqualTo("database \"forum\" is down");
        assertThat(json.get("error.stack_trace").asString())
                .contains("ElasticCommonSchemaFormatterUnitTest").contains("Caused by: java.io.IOException: connection refused");
    }

    @Test
    void the_ecs_settings_name_the_service_before_the_applications_own() {
        ElasticCommonSchemaFormatter named = new ElasticCommonSchemaFormatter(new MockEnvironment()
                .withProperty("spring.application.name", "forum").withProperty("spring.application.version", "1.2.3")
                .withProperty("logging.structured.ecs.service.name", "forum-posts")
                .withProperty("logging.structured.ecs.service.version", "2.0.0")
                .withProperty("logging.structured.ecs.service.environment", "staging")
                .withProperty("logging.structured.ecs.service.node-name", "task-1"));

        JsonNode json = JsonMapper.shared().readTree(named.format(event(Level.INFO, "started", null)));

        assertThat(json.get("service.name").asString()).isEqualTo("forum-posts");
        assertThat(json.get("service.version").asString()).isEqualTo("2.0.0");
        assertThat(json.get("service.environment").asString()).isEqualTo("staging");
        assertThat(json.get("service.node.name").asString()).isEqualTo("task-1");
    }

    @Test
    void bytes_are_utf8_and_another_charset_is_converted() {
        LoggingEvent event = event(Level.INFO, "café", null);

        byte[] utf8 = formatter.formatAsBytes(event, StandardCharsets.UTF_8);
        byte[] latin1 = formatter.formatAsBytes(event, StandardCharsets.ISO_8859_1);

        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(formatter.format(event));
        assertThat(new String(latin1, StandardCharsets.ISO_8859_1)).isEqualTo(formatter.format(event));
        assertThat(latin1.length).isEqualTo(utf8.length - 1);
    }

    private LoggingEvent event(Level level, String message, Throwable throwable) {
        return event(level, message, throwable, Map.of());
    }

    private LoggingEvent event(Level level, String message, Throwable throwable, Map<String, String> logContext) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, throwable, null);
        event.setMDCPropertyMap(logContext);
        return event;
    }
}
