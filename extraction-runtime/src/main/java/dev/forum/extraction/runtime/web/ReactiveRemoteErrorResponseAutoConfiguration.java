package dev.forum.extraction.runtime.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * A Spring WebFlux application answers a remote module's relayed 4xx as it answers the module's exception in process,
 * and a remote module's failure (502, 503, 504) with its problem document, as a Spring MVC one does ({@link RemoteErrorWebExceptionHandler};
 * Spring MVC's is {@link RemoteErrorResponseAutoConfiguration}). An application replaces it by declaring a
 * {@link RemoteErrorWebExceptionHandler} bean of its own.
 */
@AutoConfiguration
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
public class ReactiveRemoteErrorResponseAutoConfiguration {

    /** The application's codecs (Spring Boot's, with its Jackson settings), else Spring's defaults. */
    @Bean
    @ConditionalOnMissingBean(RemoteErrorWebExceptionHandler.class)
    RemoteErrorWebExceptionHandler remoteErrorWebExceptionHandler(ObjectProvider<ServerCodecConfigurer> codecs) {
        return new RemoteErrorWebExceptionHandler(codecs.getIfAvailable(ServerCodecConfigurer::create).getWriters());
    }
}
