package forum.platform.data;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads {@code forum.seed-data} (embedded, always, never) once for every module. */
@Configuration(proxyBeanMethods = false)
class SeedPolicyConfiguration {

    @Bean
    SeedPolicy seedPolicy(@Value("${forum.seed-data:embedded}") SeedPolicy policy) {
        return policy;
    }
}
