package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.remote.RemoteModuleException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The forum's effective circuit breaker and retry of each remote module, in its real context (the posts service, users
 * and threads remote and down, with Actuator and Micrometer as deployed): the forum sets no {@code resilience4j.*}, so
 * they are the extraction run time's defaults, applied to the registries Resilience4j's Spring Boot support made. In:
 * the forum's own settings; out: each module's breaker and retry configuration and the start-up log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteModuleResilienceIntegrationTest {

    @Test
    void each_remote_modules_breaker_opens_after_5_of_20_calls_for_5_s_and_its_reads_are_tried_twice(CapturedOutput output) {
        try (ConfigurableApplicationContext posts =
                SplitForum.postsServiceAlone(SplitForum.freePort(), "http://127.0.0.1:" + SplitForum.freePort())) {
            for (String module : new String[] {"users", "threads"}) {
                CircuitBreakerConfig breaker = posts.getBean(CircuitBreakerRegistry.class).circuitBreaker(module)
                        .getCircuitBreakerConfig();
                assertThat(breaker.getSlidingWindowType()).isEqualTo(SlidingWindowType.COUNT_BASED);
                assertThat(breaker.getSlidingWindowSize()).isEqualTo(20);
                assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
                assertThat(breaker.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5_000L);
                assertThat(breaker.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
                assertThat(breaker.getRecordExceptionPredicate().test(new RemoteModuleException(module, "it answered 500", null)))
                        .isTrue();
                assertThat(breaker.getRecordExceptionPredicate().test(new UncheckedIOException(new IOException("x")))).isFalse();

                RetryConfig retry = posts.getBean(RetryRegistry.class).retry(module).getRetryConfig();
                assertThat(retry.getMaxAttempts()).isEqualTo(2);
                assertThat(retry.getIntervalBiFunction().apply(1, null)).isEqualTo(50L);
            }
        }
        assertThat(output).contains("Remote module users runs with: circuit breaker window 20 calls*, minimum 5*, open 5s*,"
                + " half-open 2*, failures RemoteModuleException*; retry attempts 2*, wait 50ms*, retried RetryableRemoteRead*");
        assertThat(output).doesNotContain("was made before the run time's defaults");
    }
}
