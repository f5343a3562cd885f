package dev.forum.extraction.runtime.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A Spring MVC application answers a remote module's relayed 4xx as it answers the module's exception in process (the
 * module's problem document as the module gave it, any other answer through its own error handling), and a remote
 * module's failure (502, 503, 504) with its problem document ({@link RemoteErrorResponseAdvice}), whatever its
 * {@code spring.mvc.problemdetails.enabled}.
 *
 * <p>Last of the auto-configurations ({@code @AutoConfigureOrder}, not the class names' alphabetical order Spring Boot
 * falls back to), so its advice is registered after every other auto-configured advice of the same {@code @Order} and
 * Spring MVC asks them first; and after Spring Boot's {@code WebMvcAutoConfiguration} by name ({@code afterName}),
 * which declares the problem details handler that {@code @ConditionalOnBean} below asks for, so that condition does
 * not rest on the two orders alone (Spring Boot asks for an explicit order with {@code @ConditionalOnBean}). An
 * application replaces the advice by declaring a {@link RemoteErrorResponseAdvice} bean of its own
 * ({@code @ConditionalOnMissingBean}).
 *
 * <p>Under {@code spring.mvc.problemdetails.enabled} Spring Boot adds its {@code ProblemDetailsExceptionHandler}, an
 * advice at order 0 that extends {@code ResponseEntityExceptionHandler} and so handles every
 * {@code ErrorResponseException}, the relayed answer included. Spring MVC's {@code ExceptionHandlerExceptionResolver}
 * asks the advices one by one in order and takes the first that has a handler of the exception (or of a supertype), so
 * Spring Boot's answered every relayed answer as a problem document, Spring Boot's error JSON of a module's
 * {@code @ResponseStatus} exception included, where the monolith sends that exception to {@code /error}. While that
 * handler is there, the advice is therefore at {@link #BEFORE_PROBLEM_DETAILS} instead, just before it: it answers the
 * relayed answer as with the property off. Spring Boot leaves its handler out when the application has a
 * {@code ResponseEntityExceptionHandler} advice of its own, and the advice then stays at the lowest precedence, after
 * the application's.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class RemoteErrorResponseAutoConfiguration {

    /** One before Spring Boot's {@code ProblemDetailsExceptionHandler}, at {@code 0}. */
    public static final int BEFORE_PROBLEM_DETAILS = -1;

    private static final String PROBLEM_DETAILS_HANDLER =
            "org.springframework.boot.webmvc.autoconfigure.ProblemDetailsExceptionHandler";

    /** The advice where Spring Boot's problem details handler is: just before it. */
    @Bean
    @Order(BEFORE_PROBLEM_DETAILS)
    @ConditionalOnBean(type = PROBLEM_DETAILS_HANDLER)
    @ConditionalOnMissingBean(RemoteErrorResponseAdvice.class)
    RemoteErrorResponseAdvice remoteErrorResponseAdviceBeforeProblemDetails() {
        return new RemoteErrorResponseAdvice();
    }

    /** The advice anywhere else: at its class's lowest precedence. */
    @Bean
    @ConditionalOnMissingBean(value = RemoteErrorResponseAdvice.class, type = PROBLEM_DETAILS_HANDLER)
    RemoteErrorResponseAdvice remoteErrorResponseAdvice() {
        return new RemoteErrorResponseAdvice();
    }
}
