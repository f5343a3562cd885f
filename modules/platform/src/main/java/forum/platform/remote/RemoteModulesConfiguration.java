package forum.platform.remote;

import forum.platform.topology.Topology;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The registrar runs before other beans exist, hence a static bean method. */
@Configuration(proxyBeanMethods = false)
class RemoteModulesConfiguration {

    @Bean
    static RemoteModuleRegistrar remoteModuleRegistrar() {
        return new RemoteModuleRegistrar();
    }

    @Bean
    RemoteModuleClients remoteModuleClients(Topology topology, ObjectProvider<RestClient.Builder> builders,
                                            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, JsonMapper json) {
        return new RemoteModuleClients(topology.settings(), builders, circuitBreakers, retries, json);
    }
}
