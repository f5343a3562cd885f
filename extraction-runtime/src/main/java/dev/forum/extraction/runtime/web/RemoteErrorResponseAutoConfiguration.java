package dev.forum.extraction.runtime.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A Spring MVC application answers a remote module's relayed 4xx as it answers the module's exception in process (the
 * module's problem document as the module gave it, any other answer through its own error handling), and a remote
 * module's failure (502, 503, 504) with its problem document ({@link RemoteErrorResponseAdvice}), whatever its
 * {@code spring.mvc.problemdetails.enabled}.
 *
 * <p>Last of the auto-configurations ({@code @AutoConfigureOrder}, not the class names' alphabetical order Spring Boot
 * falls back to), so its advice is registered after every other auto-configured advice of the same {@code @Order} and
 * Spring MVC asks them first. An application replaces the advice by declaring a {@link RemoteErrorResponseAdvice} bean
 * of its own ({@code @ConditionalOnMissingBean}).
 */
@AutoConfiguration
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class RemoteErrorResponseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(RemoteErrorResponseAdvice.class)
    RemoteErrorResponseAdvice remoteErrorResponseAdvice() {
        return new RemoteErrorResponseAdvice();
    }
}
