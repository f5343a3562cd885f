package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/** The servlet container's customization is made once per factory, however many customizers ask for it. */
class ProblemsConfigurationUnitTest {

    @Test
    void a_factory_customized_twice_gets_its_valves_and_connector_settings_once() {
        TomcatServletWebServerFactory once = new TomcatServletWebServerFactory();
        ProblemsConfiguration.customize(once);
        TomcatServletWebServerFactory twice = new TomcatServletWebServerFactory();
        ProblemsConfiguration.customize(twice);
        ProblemsConfiguration.customize(twice);

        assertThat(once.getContextCustomizers()).isNotEmpty();
        assertThat(twice.getContextCustomizers()).hasSameSizeAs(once.getContextCustomizers());
        assertThat(twice.getConnectorCustomizers()).hasSameSizeAs(once.getConnectorCustomizers());
    }

    @Test
    void each_factory_is_customized() {
        TomcatServletWebServerFactory application = new TomcatServletWebServerFactory();
        TomcatServletWebServerFactory management = new TomcatServletWebServerFactory();
        ProblemsConfiguration.customize(application);
        ProblemsConfiguration.customize(management);

        assertThat(management.getContextCustomizers()).isNotEmpty().hasSameSizeAs(application.getContextCustomizers());
    }
}
