package forum.platform.remote;

import forum.platform.topology.ModuleContract;
import forum.platform.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the client of a remote module from its API interface (a Spring HTTP interface client), on one
 * pooled keep-alive HTTP client shared by every remote module of this process. The {@link RestClient.Builder}
 * comes from Spring Boot, so each call is observed and carries the W3C trace context.
 */
public final class RemoteModuleClients implements DisposableBean {

    private final HttpClient httpClient;
    private final TopologySettings settings;
    private final ObjectProvider<RestClient.Builder> builders;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final JsonMapper json;

    public RemoteModuleClients(TopologySettings settings, ObjectProvider<RestClient.Builder> builders,
                               CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, JsonMapper json) {
        this.settings = settings;
        this.builders = builders;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.json = json;
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public <T> T create(ModuleContract module, URI baseUrl, Class<T> api) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(settings.readTimeout());
        RestClient client = builders.getObject()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .requestInterceptor(new RemoteCallInterceptor(module.name(),
                        circuitBreakers.circuitBreaker(module.name()), retries.retry(module.name())))
                .defaultStatusHandler(HttpStatusCode::isError, new RemoteProblemDecoder(module.name(), json))
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(api);
    }

    @Override
    public void destroy() {
        httpClient.close();
    }
}
