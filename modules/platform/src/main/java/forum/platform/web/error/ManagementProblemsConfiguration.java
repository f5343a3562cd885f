package forum.platform.web.error;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Actuator's own server (the {@code prod} profile's {@code management.server.port}, where ECS and the load balancer
 * check health) answers what its Tomcat refuses as the application's server does ({@link ProblemsConfiguration}):
 * a problem of the catalogue, not Tomcat's HTML page, and the 505 problem for HTTP/2's connection preface. That server
 * is made in a child context of its own, which takes no customizer of the application's context; Spring Boot adds
 * this configuration to it (listed in {@code META-INF/spring/...ManagementContextConfiguration.imports}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementProblemErrorReport() {
        return ProblemsConfiguration::customize;
    }
}
