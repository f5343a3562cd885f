package forum.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requests are read strictly: whole numbers in query parameters only in plain decimal digits
 * ({@link PlainDecimalBinding}), and only the query parameters a route takes ({@link StrictQueryParameters}).
 * Actuator's endpoints are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestsConfiguration implements WebMvcConfigurer {

    /**
     * The API answers JSON (errors: problem JSON) whatever the request's {@code Accept} says, as RFC 9110
     * (section 12.5.1) allows: a 406 would otherwise hide the real status of a failed request, or come after a
     * write had been made. The tutorial's text routes still answer {@code text/plain}.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        negotiation.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StrictQueryParameters()).excludePathPatterns("/actuator/**");
    }
}
