import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The same layers as {@code MvcLayers.java}, on the Spring WebFlux floor ({@code SpringWebFluxFloor PORT ROUTES_FILE
 * MODE layers}, bench/side-by-side.sh --layered-floors): what the forum's kind of layers cost on Reactor Netty, as a
 * port of its web layer would set them up.
 * <ul>
 *   <li>Spring Boot's auto-configuration of what is on the class path (bench/webflux-floor/pom.xml: Actuator,
 *       Micrometer Tracing on OpenTelemetry, Spring Security's OAuth 2.0 resource server): the request observed by
 *       WebFlux's own HTTP handler ({@code http.server.requests}) with its W3C trace context, not sampled;</li>
 *   <li>Spring Security's reactive filter chain with the same rules (no CSRF, no session: the context is not saved, no
 *       request cache, anonymous callers, GET open to anyone, everything else for a JWT verified here against an RSA
 *       key made at start), without its own observations;</li>
 *   <li>the request id and one access log line per request, as in {@code MvcLayers}. On Reactor Netty the line is
 *       written when the answer completes, on whichever thread completes it, so its log context (the request id, the
 *       client's address, the trace and span ids of the request's observation) is set around that one call rather
 *       than held in the thread's for the whole request.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableWebFluxSecurity
class WebFluxLayers {

    /** The forum's settings for these layers (forum-app's application.properties), and Actuator on no port. */
    static final Map<String, String> SETTINGS = Map.of(
            "management.tracing.sampling.probability", "0.0",
            "management.tracing.baggage.enabled", "false",
            "management.server.port", "-1");

    @Bean
    SecurityWebFilterChain floorSecurity(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .anonymous(anonymous -> { })
                .authorizeExchange(authorize -> authorize.pathMatchers(HttpMethod.GET).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { }))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder() throws NoSuchAlgorithmException {
        return NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey()).build();
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

    /** The request id and the access log line, before Spring Security's chain, as the forum's. */
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    static final class RequestIdAccessLogFilter implements WebFilter {
        private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
        private static final Logger access = LoggerFactory.getLogger("forum.access");

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String sent = exchange.getRequest().getHeaders().getFirst("X-Request-Id");
            String requestId = sent == null || !SANE.matcher(sent).matches() ? UUID.randomUUID().toString() : sent;
            exchange.getResponse().getHeaders().set("X-Request-Id", requestId);
            long start = System.nanoTime();
            return chain.filter(exchange).doFinally(signal -> log(exchange, requestId, start));
        }

        private static void log(ServerWebExchange exchange, String requestId, long start) {
            MDC.put("requestId", requestId);
            InetSocketAddress client = exchange.getRequest().getRemoteAddress();
            if (client != null) {
                MDC.put("clientAddress", client.getAddress().getHostAddress());
            }
            TraceContext trace = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .map(context -> context.<TracingObservationHandler.TracingContext>get(
                            TracingObservationHandler.TracingContext.class))
                    .map(tracing -> tracing.getSpan() == null ? null : tracing.getSpan().context())
                    .orElse(null);
            if (trace != null) {
                MDC.put("traceId", trace.traceId());
                MDC.put("spanId", trace.spanId());
            }
            try {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                access.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), status == null ? 200 : status.value(),
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                MDC.remove("requestId");
                MDC.remove("clientAddress");
                MDC.remove("traceId");
                MDC.remove("spanId");
            }
        }
    }
}
