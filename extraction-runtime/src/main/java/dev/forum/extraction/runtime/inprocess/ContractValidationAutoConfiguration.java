package dev.forum.extraction.runtime.inprocess;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.context.annotation.Bean;

/**
 * In-process calls of a local module's HTTP contract are validated as Spring MVC validates them over HTTP
 * ({@link ContractValidationRegistrar}), with the application's Bean Validation validator. Only where a Bean Validation
 * provider is on the class path (the condition of Spring Boot's own validation auto-configuration): without one,
 * nothing changes.
 */
@AutoConfiguration
@ConditionalOnClass(name = "jakarta.validation.Validator")
@ConditionalOnResource(resources = "classpath:META-INF/services/jakarta.validation.spi.ValidationProvider")
public class ContractValidationAutoConfiguration {

    /** Static: it runs before other beans exist. */
    @Bean
    static ContractValidationRegistrar contractValidationRegistrar() {
        return new ContractValidationRegistrar();
    }
}
