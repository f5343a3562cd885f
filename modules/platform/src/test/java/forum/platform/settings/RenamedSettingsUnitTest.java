package forum.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The topology and warm-up settings' old names, however they are written, are refused with the names to write. */
class RenamedSettingsUnitTest {

    private static Throwable refusal(MutablePropertySources sources) {
        return catchThrowable(() -> RenamedSettings.check(ConfigurationPropertySources.from(sources)));
    }

    @Test
    void everyOldNameIsListedWithItsNewOneAsItWasWritten() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SimpleCommandLinePropertySource("--forum.topology.local-modules=posts",
                "--forum.warm-up.rounds=0"));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("FORUM_TOPOLOGY_REMOTE_BASE_URL", "http://127.0.0.1:3000");
        variables.put("FORUM_TOPOLOGY_REMOTEURLS_USERS", "http://127.0.0.1:3001");
        variables.put("FORUM_WARMUP_PATHS", "/api/users");
        variables.put("FORUM_SEED_DATA", "never");
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                variables));

        assertThat(refusal(sources)).isInstanceOf(InvalidSettingException.class).message()
                .contains("forum.topology.local-modules is now extraction.topology.local-modules")
                .contains("forum.warm-up.rounds is now extraction.warm-up.rounds")
                .contains("the environment variable FORUM_TOPOLOGY_REMOTE_BASE_URL is now EXTRACTION_TOPOLOGY_REMOTE_BASE_URL")
                .contains("the environment variable FORUM_TOPOLOGY_REMOTEURLS_USERS is now EXTRACTION_TOPOLOGY_REMOTEURLS_USERS")
                .contains("the environment variable FORUM_WARMUP_PATHS is now EXTRACTION_WARMUP_PATHS")
                .endsWith("(the old names are no longer read)")
                .doesNotContain("SEED_DATA");
    }

    @Test
    void theNewNamesAndTheForumsOtherSettingsAreTaken() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("test", Map.of("extraction.topology.local-modules", "posts",
                "extraction.warm-up.rounds", "0", "forum.seed-data", "never", "forum.topologyx", "a name that only starts alike")));
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "posts", "FORUM_SECURITY_JWT_LIFETIME", "15m")));

        assertThatCode(() -> RenamedSettings.check(ConfigurationPropertySources.from(sources))).doesNotThrowAnyException();
    }

    @Test
    void aContextWithAnOldNameStopsBeforeMakingAnyBean() {
        Throwable failure = catchThrowable(() -> {
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                        Map.of("forum.topology.remote-base-url", "http://127.0.0.1:3000")));
                context.register(RenamedSettings.class, ServerBindingSettingsUnitTest.NeverMade.class);
                context.refresh();
            }
        });

        assertThat(failure).isInstanceOf(InvalidSettingException.class)
                .hasMessage("forum.topology.remote-base-url is now extraction.topology.remote-base-url (the old names are"
                        + " no longer read)");
        assertThat(ServerBindingSettingsUnitTest.NeverMade.made).isFalse();
    }
}
