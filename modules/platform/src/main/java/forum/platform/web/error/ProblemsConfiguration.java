package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemResponses;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's part of "every error is a problem": Tomcat's error report becomes
 * {@link ProblemErrorReportValve}, and an encoded {@code /} or {@code \} in a path is passed on to the
 * application (whose {@code CanonicalPathFilter} refuses it with a problem that says why) instead of being
 * refused by Tomcat with a bare 400; {@code TRACE} is let through to {@code HttpMethodFilter},
 * {@code 100 Continue} waits until the application reads the body, and a body framed both by Content-Length and
 * by Transfer-Encoding is refused ({@link AmbiguousFramingValve}), as is a Host whose port is past 65535
 * ({@link HostFieldValve}); {@code OPTIONS *} lists the server's methods ({@link AsteriskOptionsAdapter}); a
 * connection that opens with HTTP/2's connection preface gets a 505 problem ({@link Http11NioProtocolRefusingHttp2}).
 */
@Configuration(proxyBeanMethods = false)
class ProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return ProblemsConfiguration::customize;
    }

    /** The factories already customized: each is customized once, however many customizers call. */
    private static final Set<TomcatServletWebServerFactory> CUSTOMIZED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * Makes a Tomcat factory's servers answer as above: the application's, and Actuator's own when it has a port of
     * its own ({@link ManagementProblemsConfiguration}). Once per factory: component scanning also finds
     * {@link ManagementProblemsConfiguration} in the application's context (a management context configuration is a
     * {@code @Configuration}), whose customizer then calls this for the application's factory a second time, which
     * would add every valve twice.
     *
     * @param factory the factory, before it makes its server
     */
    static void customize(TomcatServletWebServerFactory factory) {
        if (!CUSTOMIZED.add(factory)) {
            return;
        }
        factory.setProtocol(Http11NioProtocolRefusingHttp2.class.getName());
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
            // TRACE goes on to HttpMethodFilter, which answers it as the route's 405 (Tomcat's own 405 lists
            // the servlet's methods, not the route's); it never reaches the servlet, whose TRACE echoes.
            connector.setAllowTrace(true);
            // OPTIONS * lists the server's methods (Tomcat's adapter, made when the connector initialises, would
            // list its own): answered in front of that adapter once it exists.
            connector.addLifecycleListener(event -> {
                ProtocolHandler handler = connector.getProtocolHandler();
                if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType()) && handler.getAdapter() != null
                        && !(handler.getAdapter() instanceof AsteriskOptionsAdapter)) {
                    handler.setAdapter(new AsteriskOptionsAdapter(handler.getAdapter()));
                }
            });
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                // 100 Continue only when the application reads the body: a body the size limit refuses on its
                // Content-Length is never asked for (Tomcat's default sends 100 before any filter runs).
                http.setContinueResponseTiming("onRead");
            }
        });
        factory.addContextCustomizers(context -> {
            context.getPipeline().addValve(new AmbiguousFramingValve());
            context.getPipeline().addValve(new HostFieldValve());
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                // An instance of the class the host is told to use: it then adds no HTML report of its own.
                host.getPipeline().addValve(new ProblemErrorReportValve());
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
