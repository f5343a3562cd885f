package forum.platform.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import co.elastic.logging.logback.EcsEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * The prod profile's log lines ({@code logging.structured.format.console} names this class): one JSON object per
 * line in the Elastic Common Schema, written by Elastic's own Logback encoder (ecs-logging-java) in place of Spring
 * Boot's built-in {@code ecs} format, which cost a kept read about a quarter of its CPU when the access log is on
 * (BENCHMARKS.md, "Thirteenth round"). Spring Boot still sets up the appender, its threshold and its target.
 *
 * <p>Each line: {@code @timestamp} (UTC, milliseconds), {@code log.level}, {@code message}, {@code service.name} and
 * {@code service.version} ({@code logging.structured.ecs.service.*}, else {@code spring.application.name} and
 * {@code .version}), {@code service.environment} and {@code service.node.name} when set, {@code event.dataset},
 * {@code process.thread.name}, {@code log.logger}, every log context (MDC) entry as a top-level key ({@code traceId},
 * {@code spanId}, {@code requestId}, {@code module}, {@code clientAddress}, {@code userId}), and for an exception
 * {@code error.type}, {@code error.message} and {@code error.stack_trace}; keys are dotted, as the ECS logging
 * specification writes them. Ends with a line feed.
 */
public final class ElasticCommonSchemaFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private final EcsEncoder encoder = new EcsEncoder();

    /**
     * Made by Spring Boot when logging starts, with the application's environment.
     *
     * @param environment where the service's name, version, environment and node name are read
     */
    public ElasticCommonSchemaFormatter(Environment environment) {
        encoder.setServiceName(property(environment, "logging.structured.ecs.service.name", "spring.application.name"));
        encoder.setServiceVersion(property(environment, "logging.structured.ecs.service.version",
                "spring.application.version"));
        encoder.setServiceEnvironment(environment.getProperty("logging.structured.ecs.service.environment"));
        encoder.setServiceNodeName(environment.getProperty("logging.structured.ecs.service.node-name"));
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            encoder.setContext(context);
        }
        encoder.start();
    }

    private static String property(Environment environment, String name, String fallback) {
        String value = environment.getProperty(name);
        return value != null ? value : environment.getProperty(fallback);
    }

    /** @return the event's line, line feed included */
    @Override
    public String format(ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    /** @return the event's line in {@code charset} (the encoder writes UTF-8; any other is converted) */
    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        byte[] utf8 = encoder.encode(event);
        return StandardCharsets.UTF_8.equals(charset) ? utf8 : new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
    }
}
