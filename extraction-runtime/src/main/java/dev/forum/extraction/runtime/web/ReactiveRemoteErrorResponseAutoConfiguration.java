package dev.forum.extraction.runtime.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * A Spring WebFlux application answers a remote module's relayed 4xx as it answers the module's exception in process,
 * and a remote module's failure (502, 503, 504) with its problem document, as a Spring MVC one does ({@link RemoteErrorWebExceptionHandler};
 * Spring MVC's is {@link RemoteErrorResponseAutoConfiguration}). An application replaces it by declaring a
 * {@link RemoteErrorWebExceptionHandler} bean of its own.
 *
 * <p>Under {@code spring.webflux.problemdetails.enabled} Spring Boot adds its {@code ProblemDetailsExceptionHandler},
 * an advice at order 0 that handles every {@code ErrorResponseException} an annotated controller throws, the relayed
 * answer included, before any {@code WebExceptionHandler} sees it: it answered Spring Boot's error JSON of a module's
 * {@code @ResponseStatus} exception as a problem document, where the monolith answers the error JSON. While that
 * handler is there, a {@link RemoteErrorResponseAdvice} comes just before it
 * ({@link RemoteErrorResponseAutoConfiguration#BEFORE_PROBLEM_DETAILS}): it answers a relayed problem document and a
 * remote failure as {@link RemoteErrorWebExceptionHandler} does, and throws any other relayed answer on to that
 * handler. An application replaces that advice by declaring a {@link RemoteErrorResponseAdvice} bean of its own.
 *
 * <p>Last of the auto-configurations ({@code @AutoConfigureOrder}), and after Spring Boot's
 * {@code WebFluxAutoConfiguration} by name ({@code afterName}), which declares the problem details handler that
 * {@code @ConditionalOnBean} asks for, so that condition does not rest on the two orders alone.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
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

    /** Where Spring Boot's problem details handler is: the advice just before it (class doc). */
    @Bean
    @Order(RemoteErrorResponseAutoConfiguration.BEFORE_PROBLEM_DETAILS)
    @ConditionalOnBean(type = "org.springframework.boot.webflux.autoconfigure.ProblemDetailsExceptionHandler")
    @ConditionalOnMissingBean(RemoteErrorResponseAdvice.class)
    RemoteErrorResponseAdvice remoteErrorResponseAdviceBeforeProblemDetails() {
        return new RemoteErrorResponseAdvice();
    }
}
