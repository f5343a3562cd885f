package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.metrics.MetricsRepositoryMethodInvocationListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodIntrospector;
import org.springframework.data.relational.core.mapping.event.RelationalEvent;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.support.RequestHandledEvent;

/**
 * What a request does not pay for (BENCHMARKS.md, "Where a request's CPU goes"), each a setting whose removal would
 * show here: no application event per request or per row read or written; no timer per repository call, nor a
 * listener on each (the HTTP server's timer stays); no observation of Spring Security's filters, authentications and authorizations (its
 * refusals stay); no {@code @InitBinder} advice run per request; a keep-alive connection stays open however many
 * requests it carries. Trace context without baggage and without recorded spans is proved by TraceContextIntegrationTest and, across processes, by
 * SplitTopologyIntegrationTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestOverheadIntegrationTest extends RunningForumTest {

    private static final List<String> TUTORIAL_GETS = List.of("/api/users", "/api/users/1", "/api/threads",
            "/api/threads/1", "/api/posts", "/api/posts/in-thread/1", "/api/posts/by-user/2", "/api/", "/");

    @Autowired
    EventRecorder events;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext context;

    @Test
    void reads_and_writes_publish_no_application_event_per_request_or_per_row() {
        events.clear();
        for (String path : TUTORIAL_GETS) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        }
        Reply created = http.postJson("/api/users",
                "{\"username\":\"overhead\",\"name\":\"Over Head\",\"bio\":\"\",\"password\":\"no-event-per-row-42\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Reply post = marceline.postJson("/api/posts", "{\"thread\":1,\"text\":\"No event for me.\"}");
        assertThat(post.status()).as(post.toString()).isEqualTo(201);

        assertThat(events.seen).noneMatch(e -> e instanceof RequestHandledEvent || e instanceof RelationalEvent<?>);
    }

    @Test
    void repository_calls_are_not_timed_nor_listened_to_but_http_requests_are_timed() {
        assertThat(http.get("/api/users").status()).isEqualTo(200);

        assertThat(meters.find("spring.data.repository.invocations").meters()).isEmpty();
        // Not even listened to: the listener built each call's tags before finding nothing to time.
        assertThat(context.getBeanNamesForType(MetricsRepositoryMethodInvocationListener.class)).isEmpty();
        assertThat(meters.find("http.server.requests").tag("uri", "/api/users").timer()).isNotNull();
    }

    @Test
    void spring_securitys_own_work_is_not_observed_but_it_still_refuses() {
        assertThat(http.get("/api/users/1").status()).isEqualTo(200);
        // Authenticated and authorized, then refused by validation: the token's way through security, no row written.
        assertThat(marceline.postJson("/api/threads", "{\"title\":\"\"}").status()).isEqualTo(400);
        assertThat(http.postJson("/api/threads", "{\"title\":\"No token\"}").status()).isEqualTo(401);

        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
        // The request's own timer is recorded as its observation stops, which may be just after the client has read
        // the answer.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (meters.find("http.server.requests").tag("status", "401").timer() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(meters.find("http.server.requests").tag("status", "401").timer()).isNotNull();
    }

    @Test
    void no_controller_advice_binds_per_request_and_numbers_are_still_read_strictly() {
        // A global @InitBinder method costs every request a handler method object and a reflective call;
        // PlainDecimalBinding registers its editors through the handler adapter's binding initializer instead.
        assertThat(context.getBeansWithAnnotation(ControllerAdvice.class).values())
                .allSatisfy(advice -> assertThat(MethodIntrospector.selectMethods(AopUtils.getTargetClass(advice),
                        (ReflectionUtils.MethodFilter) method -> method.isAnnotationPresent(InitBinder.class)))
                        .as(advice.getClass().getName()).isEmpty());
        assertThat(http.get("/api/users?limit=0x10").status()).isEqualTo(400);
        assertThat(http.get("/api/users/+1").status()).isEqualTo(400);
        assertThat(http.get("/api/users?limit=1").json()).hasSize(1);
    }

    @Test
    void a_keep_alive_connection_is_not_closed_after_a_count_of_requests() throws IOException {
        int requests = 250; // Tomcat's default closes the connection after the 100th
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 1; i <= requests; i++) {
                out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String status = in.readLine();
                assertThat(status).as("status line of request %d", i).isEqualTo("HTTP/1.1 200 ");
                int length = -1;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    assertThat(lower).as("request %d", i).isNotEqualTo("connection: close");
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(lower.substring("content-length:".length()).strip());
                    }
                }
                assertThat(length).as("Content-Length of request %d", i).isPositive();
                assertThat(in.skip(length)).isEqualTo(length);
            }
        }
    }

    /** Every application event the context publishes, from any thread. */
    @TestConfiguration
    static class EventRecorderConfiguration {
        @Bean
        EventRecorder eventRecorder() {
            return new EventRecorder();
        }
    }

    static final class EventRecorder implements ApplicationListener<ApplicationEvent> {
        final List<ApplicationEvent> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            seen.add(event);
        }

        void clear() {
            seen.clear();
        }
    }
}
