package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import forum.ForumApplication;
import forum.platform.data.MissingDatabaseException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** A process refuses to start, with one line that names the fix, when its configuration cannot work. */
class TopologyStartupIntegrationTest {

    @Test
    void an_unknown_local_module_is_refused_with_the_closest_module_and_the_list_of_modules() {
        assertRefused(InvalidTopologyException.class,
                "extraction.topology.local-modules names unknown module 'postz' (did you mean posts?); the modules are: posts,"
                        + " threads, users",
                "--extraction.topology.local-modules=postz");
    }

    @Test
    void a_remote_module_without_a_url_is_refused_naming_the_settings() {
        assertRefused(InvalidTopologyException.class,
                "Module 'threads' is remote but has no URL (posts calls it): set extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL)"
                        + " or extraction.topology.remote-urls.threads (EXTRACTION_TOPOLOGY_REMOTEURLS_THREADS)",
                "--extraction.topology.local-modules=posts", "--extraction.topology.remote-urls.users=http://127.0.0.1:9");
    }

    @Test
    void the_production_profile_without_a_datasource_is_refused() {
        assertRefused(MissingDatabaseException.class,
                "Module 'posts' runs here but no database is configured: set spring.datasource.url (SPRING_DATASOURCE_URL)"
                        + " or forum.datasource.posts.url",
                "--spring.profiles.active=prod", "--extraction.topology.local-modules=posts",
                "--extraction.topology.remote-base-url=http://127.0.0.1:9");
    }

    private static void assertRefused(Class<? extends RuntimeException> type, String message, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        assertThatThrownBy(() -> new SpringApplicationBuilder(ForumApplication.class).run(all).close())
                .satisfies(failure -> {
                    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                    assertThat(cause).isInstanceOf(type).hasMessage(message);
                    assertThat(cause.getMessage()).doesNotContain("\n");
                });
    }
}
