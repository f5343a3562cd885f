package dev.forum.extraction.runtime.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring MVC application answers a remote module's relayed 4xx as the module answered it
 * ({@link RemoteErrorResponseAdvice}), whatever its {@code spring.mvc.problemdetails.enabled}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class RemoteErrorResponseAutoConfiguration {

    @Bean
    RemoteErrorResponseAdvice remoteErrorResponseAdvice() {
        return new RemoteErrorResponseAdvice();
    }
}
