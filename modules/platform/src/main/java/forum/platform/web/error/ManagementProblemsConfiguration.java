package forum.platform.web.error;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Actuator's own server (the {@code prod} profile's {@code management.server.port}, where ECS and the load balancer
 * check health) answers every request as the application's server does. What its Tomcat refuses is a problem of the
 * catalogue, not Tomcat's HTML page, and HTTP/2's connection preface gets the 505 problem ({@link ProblemsConfiguration});
 * what reaches it passes the application's servlet filters, in their order, and its {@code /error} is the
 * application's ({@link ManagementServerRequests}). That server is made in a child context of its own, which takes
 * no customizer, filter or error page of the application's context; Spring Boot adds this configuration to it (listed
 * in {@code META-INF/spring/...ManagementContextConfiguration.imports}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementProblemErrorReport() {
        return ProblemsConfiguration::customize;
    }

    /** Static: it changes the management context's bean definitions, before this configuration's beans are made. */
    @Bean
    static ManagementServerRequests managementServerRequests() {
        return new ManagementServerRequests();
    }
}
