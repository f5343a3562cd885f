import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The forum's own kind of layers on the Spring MVC floor ({@code SpringMvcFloor PORT ROUTES_FILE layers},
 * bench/side-by-side.sh --layered-floors), for comparing what they cost on Spring MVC and on Spring WebFlux
 * ({@code WebFluxLayers.java}, the same layers there). What every request of the forum pays, without its own code:
 * <ul>
 *   <li>Spring Boot's auto-configuration of what is on the class path (bench/mvc-floor/pom.xml: Actuator, Micrometer
 *       Tracing on OpenTelemetry, Spring Security's OAuth 2.0 resource server): the request observed
 *       ({@code http.server.requests}) with its W3C trace context, not sampled, as the forum sets it;</li>
 *   <li>Spring Security's filter chain set as the forum's {@code SecurityConfiguration} sets it (stateless, no
 *       session, the context in the request only, anonymous callers, GET open to anyone and everything else for a
 *       verified bearer token, a JWT verified here against an RSA key made at start), without its own
 *       observations;</li>
 *   <li>a request id ({@code X-Request-Id}: the caller's if sane, else a new one) answered and put in the log context
 *       with the client's address, and one access log line per request ({@code forum.access} at INFO: method, path,
 *       status, milliseconds) as an Elastic Common Schema JSON line on standard output (bench/logback-ecs.xml,
 *       Elastic's encoder, as the forum's prod profile writes it), with the trace and span ids.</li>
 * </ul>
 * The settings that go with them are {@link #SETTINGS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class MvcLayers {

    /** The forum's settings for these layers (forum-app's application.properties), and Actuator on no port. */
    static final java.util.Map<String, String> SETTINGS = java.util.Map.of(
            "management.tracing.sampling.probability", "0.0",
            "management.tracing.baggage.enabled", "false",
            "spring.mvc.publish-request-handled-events", "false",
            "management.server.port", "-1");

    @Bean
    SecurityFilterChain floorSecurity(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { })
                .authorizeHttpRequests(authorize -> authorize.requestMatchers(HttpMethod.GET).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder() throws NoSuchAlgorithmException {
        return NimbusJwtDecoder.withPublicKey(rsaPublicKey()).build();
    }

    /** No observation of Spring Security's own work, as the forum sets it. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestIdAccessLogFilter requestIdAccessLogFilter() {
        return new RequestIdAccessLogFilter();
    }

    /** A public key of a pair made now (RSA, 2048 bits): no token the benchmark sends is signed by it. */
    static RSAPublicKey rsaPublicKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    /** The request id and the access log line, just inside Spring Boot's observation filter, as the forum's. */
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    static final class RequestIdAccessLogFilter extends OncePerRequestFilter {
        private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
        private static final Logger access = LoggerFactory.getLogger("forum.access");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String requestId = request.getHeader("X-Request-Id");
            if (requestId == null || !SANE.matcher(requestId).matches()) {
                requestId = UUID.randomUUID().toString();
            }
            response.setHeader("X-Request-Id", requestId);
            MDC.put("requestId", requestId);
            MDC.put("clientAddress", request.getRemoteAddr());
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                access.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
                MDC.remove("requestId");
                MDC.remove("clientAddress");
            }
        }
    }
}
