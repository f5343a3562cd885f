package dev.forum.extraction.runtime.inprocess;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.context.annotation.Bean;

/**
 * In-process calls of a local module's HTTP contract are validated as Spring MVC validates them over HTTP
 * ({@link ContractValidationPostProcessor}), with the application's Bean Validation validator. Only where a Bean
 * Validation provider is on the class path (the condition of Spring Boot's own validation auto-configuration) and
 * {@code extraction.inprocess.validation.enabled} is not {@code false}: otherwise, nothing changes.
 */
@AutoConfiguration
@ConditionalOnClass(name = "jakarta.validation.Validator")
@ConditionalOnResource(resources = "classpath:META-INF/services/jakarta.validation.spi.ValidationProvider")
@ConditionalOnBooleanProperty(name = "extraction.inprocess.validation.enabled", matchIfMissing = true)
public class ContractValidationAutoConfiguration {

    /** Static: a bean post-processor, made before the beans it decorates. */
    @Bean
    static ContractValidationPostProcessor contractValidationPostProcessor() {
        return new ContractValidationPostProcessor();
    }
}
