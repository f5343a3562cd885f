package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemResponses;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's part of "every error is a problem": Tomcat's error report becomes
 * {@link ProblemErrorReportValve}, and an encoded {@code /} or {@code \} in a path is passed on to the
 * application (whose {@code CanonicalPathFilter} refuses it with a problem that says why) instead of being
 * refused by Tomcat with a bare 400.
 */
@Configuration(proxyBeanMethods = false)
class ProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                connector.setEncodedReverseSolidusHandling("passthrough");
            });
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    // An instance of the class the host is told to use: it then adds no HTML report of its own.
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        };
    }
}
