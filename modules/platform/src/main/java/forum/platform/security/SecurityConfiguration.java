package forum.platform.security;

import dev.forum.extraction.runtime.topology.Topology;
import forum.platform.RouteAccess;
import forum.platform.web.UnroutedRequests;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Every process's security rules, the same in the monolith and in every service:
 * <ul>
 *   <li>each route of each module's contract as its {@link RouteAccess} says (reads and sign-up are open to
 *       anyone, writes need a user);</li>
 *   <li>other reads (the tutorial's text routes, health, unknown paths that answer 404) open to anyone; any other
 *       request needs a user, except that a request no route takes is answered 404 or 405 with or without a token
 *       ({@link UnroutedRequests}: it reaches no handler either way);</li>
 *   <li>a bearer token, where sent, verified by this process itself ({@link TokenVerification}), except on the
 *       routes that obtain credentials, which read none; more than one credential is a 400
 *       ({@link CredentialRouteTokens}); no session, no cookie, so no CSRF to guard against.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TokenSettings.class, OAuth2ResourceServerProperties.class})
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, TokenSettings settings,
                          ObjectProvider<LocalTokenKeys> local, ObjectProvider<Topology> topology) {
        return TokenVerification.decoder(properties.getJwt(), settings, local.getIfAvailable(), topology.getIfAvailable());
    }

    @Bean
    SecurityFilterChain forumSecurity(HttpSecurity http, BeanFactory beans, OAuth2ResourceServerProperties properties,
                                      ApplicationContext application) throws Exception {
        List<ContractRouteRules.Rule> rules = ContractRouteRules.of(ModuleContracts.of(beans, getClass().getClassLoader()));
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(new UnroutedRequests(application));
        JwtAuthenticationConverter principal = new JwtAuthenticationConverter();
        String userIdClaim = properties.getJwt().getPrincipalClaimName();
        principal.setPrincipalClaimName(userIdClaim == null ? "sub" : userIdClaim);
        http.csrf(AbstractHttpConfigurer::disable)
                // Stateless: the context lives in the request only. No session management at all, rather than its
                // STATELESS policy, which still runs a filter per request that finds no session to manage.
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { })
                .authorizeHttpRequests(authorize -> {
                    for (ContractRouteRules.Rule rule : rules) {
                        var matcher = PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.path());
                        if (rule.caller() == RouteAccess.Caller.ANYONE) {
                            authorize.requestMatchers(matcher).permitAll();
                        } else {
                            authorize.requestMatchers(matcher).authenticated();
                        }
                    }
                    authorize.requestMatchers(HttpMethod.GET).permitAll()
                            .requestMatchers(HttpMethod.HEAD).permitAll()
                            .requestMatchers(HttpMethod.OPTIONS).permitAll()
                            .requestMatchers("/error").permitAll()
                            .anyRequest().authenticated();
                })
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .bearerTokenResolver(new CredentialRouteTokens(rules))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(principal))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // A token that cannot be verified for want of keys is a 503, not a rethrown 500.
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .addFilterAfter(new CallerLogFilter(), BearerTokenAuthenticationFilter.class);
        log.info("Security: {} contract routes, {} open to anyone", rules.size(),
                rules.stream().filter(rule -> rule.caller() == RouteAccess.Caller.ANYONE).count());
        return http.build();
    }

    /**
     * No observation of Spring Security's own work: with an observation registry present (Actuator), Spring Security
     * wraps each of the chain's filters in an observation (a timer before and after each, a span each) and observes
     * every authentication and authorization, about twenty meters' and spans' work per request that nobody reads
     * (BENCHMARKS.md, "Where a request's CPU goes"). The request itself stays observed ({@code http.server.requests},
     * its trace context); refusals are told by the problem handlers and the access log.
     *
     * @return Spring Security's settings for no filter chain, authentication or authorization observations
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall, with an encoded {@code %} allowed (a canonical path may need one: {@code %25}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ApplicationContext application) {
        return new ProblemSecurityHandlers(new UnroutedRequests(application));
    }
}
