package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

/**
 * Trace context without recorded spans (application.properties, {@code management.tracing.sampling.probability=0.0}:
 * no span exporter is configured, so a recorded span would only be thrown away). Every request still has a trace
 * id, in its log lines, continued from the caller's W3C {@code traceparent} when it sent one; a caller that
 * sampled its trace gets this hop recorded too (parent-based sampling). The trace id's way across processes, on a
 * remote module's call, is proved by SplitTopologyIntegrationTest; the HTTP server timer is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.forum.access=debug")
@ExtendWith(OutputCaptureExtension.class)
class TraceContextIntegrationTest extends RunningForumTest {

    /** The correlation part of a text log line: {@code [traceId,requestId,module,userId,clientAddress]}. */
    private static final Pattern CORRELATION = Pattern.compile("\\[([0-9a-f]*),([^,\\]]*),");

    @Autowired
    RecordedSpans spans;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void forgetSpans() {
        spans.started.clear();
    }

    @Test
    void a_request_without_trace_context_gets_a_trace_id_in_its_log_lines_and_records_no_span(CapturedOutput output) {
        Reply reply = http.send("GET", "/api/users/1", null, null, "X-Request-Id", "trace-test-new");
        assertThat(reply.status()).isEqualTo(200);

        String traceId = traceIdOfAccessLine(output, "trace-test-new");
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(spans.started).isEmpty();
        assertThat(meters.find("http.server.requests").tag("uri", "/api/users/{id}").timer()).isNotNull();
    }

    @Test
    void a_callers_unsampled_trace_is_continued_in_the_log_lines_without_recording_a_span(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Reply reply = http.send("GET", "/api/threads/1", null, null, "X-Request-Id", "trace-test-unsampled",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-00");
        assertThat(reply.status()).isEqualTo(200);

        assertThat(traceIdOfAccessLine(output, "trace-test-unsampled")).isEqualTo(traceId);
        assertThat(spans.started).isEmpty();
    }

    @Test
    void a_callers_sampled_trace_is_recorded_here_too(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        Reply reply = http.send("GET", "/api/posts/in-thread/1", null, null, "X-Request-Id", "trace-test-sampled",
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        assertThat(reply.status()).isEqualTo(200);

        assertThat(traceIdOfAccessLine(output, "trace-test-sampled")).isEqualTo(traceId);
        assertThat(spans.started).isNotEmpty()
                .allSatisfy(span -> assertThat(span.getSpanContext().getTraceId()).isEqualTo(traceId));
    }

    /** The trace id of the access log line (forum.access) of the request with this X-Request-Id. */
    private static String traceIdOfAccessLine(CapturedOutput output, String requestId) {
        List<String> lines = output.getOut().lines()
                .filter(line -> line.contains("forum.access") && line.contains("," + requestId + ",")).toList();
        assertThat(lines).as("the access log line of " + requestId).hasSize(1);
        Matcher matcher = CORRELATION.matcher(lines.getFirst());
        assertThat(matcher.find()).as(lines.getFirst()).isTrue();
        assertThat(matcher.group(2)).isEqualTo(requestId);
        return matcher.group(1);
    }

    @TestConfiguration
    static class SpanRecorderConfiguration {
        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }

    /** Every span the tracer records (OpenTelemetry calls a processor only for recording spans). */
    static final class RecordedSpans implements SpanProcessor {
        final List<ReadableSpan> started = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
            started.add(span);
        }

        @Override
        public boolean isStartRequired() {
            return true;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return false;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
