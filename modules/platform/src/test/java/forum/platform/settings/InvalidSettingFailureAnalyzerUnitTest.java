package forum.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/** What the analyzer says of a real Spring context's failure, and that it leaves other failures to other analyzers. */
class InvalidSettingFailureAnalyzerUnitTest {

    @Configuration(proxyBeanMethods = false)
    static class Settings {
        @Bean
        String waiting(@Value("${example.wait:2s}") Duration wait) {
            return wait.toString();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NotASetting {
        @Bean
        String needsANumber(Long number) {
            return String.valueOf(number);
        }
    }

    private static Throwable start(Class<?> configuration, Map<String, Object> settings) {
        return catchThrowable(() -> {
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                // Spring Boot's conversions, as in the application (String to Duration: 5s, 15m).
                context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
                context.register(configuration);
                context.refresh();
            }
        });
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatToWrite() {
        FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(start(Settings.class, Map.of("example.wait", "soon")));

        assertThat(analysis.getDescription()).isEqualTo("example.wait=soon is not a duration, e.g. 500ms, 15m or 1h");
        assertThat(analysis.getAction()).isEqualTo("Set example.wait to a duration, e.g. 500ms, 15m or 1h, or leave it out for its default.");
    }

    @Test
    void anInvalidSettingAnywhereInTheCausesIsItsMessage() {
        Throwable failure = new IllegalStateException("wrapped", new InvalidSettingException("example.limit=0: needs 1 or more", null));

        assertThat(new InvalidSettingFailureAnalyzer().analyze(failure).getDescription()).isEqualTo("example.limit=0: needs 1 or more");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(start(Settings.class, Map.of("example.wait", "5s"))).isNull();
        Throwable missingBean = start(NotASetting.class, Map.of());
        assertThat(missingBean).isNotNull();
        assertThat(new InvalidSettingFailureAnalyzer().analyze(missingBean)).isNull();
        assertThat(new InvalidSettingFailureAnalyzer().analyze(new IllegalStateException("no setting"))).isNull();
    }
}
