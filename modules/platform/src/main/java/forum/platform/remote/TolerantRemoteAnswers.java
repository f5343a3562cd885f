package forum.platform.remote;

import forum.platform.web.StrictJsonConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of remote modules are read with the application's mapper made tolerant of fields this version does
 * not know ({@link StrictJsonConfiguration#tolerant}): during a canary the module's newer version may already send
 * them. Applied to Spring Boot's {@link RestClient.Builder}, which extraction-runtime makes every remote module's
 * client from (the forum makes no other {@code RestClient}); last, after Spring Boot's own converters.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
final class TolerantRemoteAnswers implements RestClientCustomizer {

    private final JsonMapper tolerant;

    TolerantRemoteAnswers(JsonMapper json) {
        this.tolerant = StrictJsonConfiguration.tolerant(json);
    }

    @Override
    public void customize(RestClient.Builder builder) {
        builder.configureMessageConverters(converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(tolerant)));
    }
}
