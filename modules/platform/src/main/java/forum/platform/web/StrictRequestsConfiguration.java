package forum.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Requests are read strictly: whole numbers in query parameters only in plain decimal digits
 * ({@link PlainDecimalBinding}), and only the query parameters a route takes ({@link StrictQueryParameters}), the
 * actuator's endpoints' too ({@link ActuatorQueryParameters}); a failing precondition is never ignored
 * ({@link Preconditions}).
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestsConfiguration implements WebMvcConfigurer {

    private final String actuatorPaths;

    /** @param actuatorBase the actuator's base path ({@code management.endpoints.web.base-path}) */
    StrictRequestsConfiguration(@Value("${management.endpoints.web.base-path:/actuator}") String actuatorBase) {
        this.actuatorPaths = actuatorBase.replaceFirst("/+$", "") + "/**";
    }

    /**
     * The API answers JSON (errors: problem JSON) whatever the request's {@code Accept} says, as RFC 9110
     * (section 12.5.1) allows: a 406 would otherwise hide the real status of a failed request, or come after a
     * write had been made. The tutorial's text routes still answer {@code text/plain}.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        negotiation.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
    }

    /** The query first (a 400 comes before a 412, RFC 9110 13.2.1), then the preconditions of unsafe methods. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StrictQueryParameters()).excludePathPatterns(actuatorPaths);
        registry.addInterceptor(new Preconditions());
    }

    /**
     * The actuator's handler mappings take no interceptor from {@link #addInterceptors}, but every handler mapping
     * takes the {@link MappedInterceptor} beans of its context and its ancestors: the management server's (its own
     * port in prod) as well as this one's.
     *
     * @param endpoints the actuator's web endpoints
     * @return the query check of the actuator's paths
     */
    @Bean
    MappedInterceptor actuatorQueryParameters(ObjectProvider<PathMappedEndpoints> endpoints) {
        return new MappedInterceptor(new String[] {actuatorPaths}, null,
                new StrictQueryParameters(new ActuatorQueryParameters(endpoints)));
    }
}
