package forum.platform.remote;

import forum.platform.topology.ModuleContract;
import forum.platform.topology.TopologySettings;
import forum.platform.web.StrictJsonConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the client of a remote module from its API interface (a Spring HTTP interface client), on one
 * pooled keep-alive HTTP client shared by every remote module of this process. The {@link RestClient.Builder}
 * comes from Spring Boot, so each call is observed and carries the W3C trace context. Answers are read with the
 * application's mapper made tolerant of fields this version does not know ({@link StrictJsonConfiguration#tolerant}):
 * during a canary the module's newer version may already send them.
 */
public final class RemoteModuleClients implements DisposableBean {

    /** Made on the first remote module's client: a process with every module local never pays its ~150 ms start. */
    private HttpClient httpClient;
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
        this.json = StrictJsonConfiguration.tolerant(json);
    }

    private synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.connectTimeout())
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
        }
        return httpClient;
    }

    /** Whether a client was made, and with it the shared HTTP client. */
    synchronized boolean connected() {
        return httpClient != null;
    }

    public <T> T create(ModuleContract module, URI baseUrl, Class<T> api) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient());
        requests.setReadTimeout(settings.readTimeout());
        RestClient client = builders.getObject()
                .baseUrl(baseUrl.toString())
                .configureMessageConverters(converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .requestFactory(requests)
                .requestInterceptor(new RemoteCallInterceptor(module.name(),
                        circuitBreakers.circuitBreaker(module.name()), retries.retry(module.name())))
                .defaultStatusHandler(HttpStatusCode::isError, new RemoteProblemDecoder(module.name(), json))
                .build();
        T proxy = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(api);
        return guard(module.name(), api, proxy, settings.readTimeout());
    }

    /**
     * The interceptor sees a call until its response headers arrive; the body is read afterwards, when the
     * answer is turned into the API's types. A failure there (the read timeout closing the body of a slow answer,
     * a connection that broke off, an answer that is not the API's JSON) reached callers as a bare
     * {@link RestClientException}, which the application answered with a 500. Here it becomes what every other
     * remote failure is: {@link RemoteModuleTimeoutException} (504) when the read timeout had passed,
     * {@link RemoteModuleUnavailableException} (503) for another I/O failure, {@link RemoteModuleException} (502)
     * for an answer that cannot be read. Domain outcomes and the interceptor's own exceptions pass unchanged.
     */
    @SuppressWarnings("unchecked")
    static <T> T guard(String module, Class<T> api, T client, Duration readTimeout) {
        InvocationHandler handler = (proxy, method, args) -> {
            long start = System.nanoTime();
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof RestClientException failure)) {
                    throw cause;
                }
                IOException io = ioCause(failure);
                if (io == null) {
                    throw new RemoteModuleException(module, "The " + module + " module's answer to " + method.getName()
                            + " could not be read: " + failure.getMessage(), failure);
                }
                if (io instanceof HttpTimeoutException || System.nanoTime() - start >= readTimeout.toNanos()) {
                    throw new RemoteModuleTimeoutException(module, failure);
                }
                throw new RemoteModuleUnavailableException(module, "its answer broke off (" + io + ")", failure);
            }
        };
        return (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    @Override
    public synchronized void destroy() {
        if (httpClient != null) {
            httpClient.close();
        }
    }
}
