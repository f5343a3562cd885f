package dev.forum.extraction.runtime.remote;

import dev.forum.extraction.runtime.topology.TopologySettings;
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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes the client of a remote module from its HTTP contract interface (a Spring HTTP interface client), on one
 * pooled keep-alive JDK {@link HttpClient} shared by every remote module of this process, made with the first
 * client. The {@link RestClient.Builder} comes from Spring Boot, so each call is observed and carries the W3C trace
 * context. Each module has its own circuit breaker and retry (Resilience4j, named after the module).
 */
public final class RemoteModuleClients implements DisposableBean {

    private HttpClient httpClient;
    private ExecutorService executor;
    private final TopologySettings settings;
    private final ObjectProvider<RestClient.Builder> builders;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final List<RemoteCallHeaders> headers;
    private final List<RemoteErrorDecoder> decoders;

    /**
     * @param headers  what every call relays, in order
     * @param decoders what turns 4xx answers back into the application's exceptions, in order
     */
    public RemoteModuleClients(TopologySettings settings, ObjectProvider<RestClient.Builder> builders,
            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, List<RemoteCallHeaders> headers,
            List<RemoteErrorDecoder> decoders) {
        this.settings = settings;
        this.builders = builders;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.headers = List.copyOf(headers);
        this.decoders = List.copyOf(decoders);
    }

    private synchronized HttpClient httpClient() {
        if (httpClient == null) {
            executor = executor();
            httpClient = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.connectTimeout())
                    .executor(executor)
                    .build();
        }
        return httpClient;
    }

    /** Virtual threads where the JDK has them (21 and later), else a cached pool of daemon threads. */
    private static ExecutorService executor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException olderJdk) {
            return Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "remote-modules");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Whether a client was made, and with it the shared HTTP client. */
    synchronized boolean connected() {
        return httpClient != null;
    }

    /**
     * @param module  the remote module
     * @param baseUrl where it lives
     * @param api     one of its HTTP contract interfaces
     * @return a client of {@code api} whose failures are {@link RemoteModuleException}s
     */
    public <T> T create(String module, URI baseUrl, Class<T> api) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient());
        requests.setReadTimeout(settings.readTimeout());
        RestClient client = builders.getObject()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .requestInterceptor(new RemoteCallInterceptor(module, circuitBreakers.circuitBreaker(module),
                        retries.retry(module), headers))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    int status = response.getStatusCode().value();
                    for (RemoteErrorDecoder decoder : decoders) {
                        decoder.decode(module, request, status, response.getHeaders(), body);
                    }
                    throw new RemoteModuleException(module, "The " + module + " module answered " + request.getMethod() + " "
                            + request.getURI().getPath() + " with " + status, null);
                })
                .build();
        T proxy = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(api);
        return guard(module, api, proxy, settings.readTimeout());
    }

    /**
     * The interceptor sees a call until its response headers arrive; the body is read afterwards, when the answer is
     * turned into the API's types. A failure there (the read timeout closing the body of a slow answer, a connection
     * that broke off, an answer that is not the API's JSON) would reach callers as a bare {@link RestClientException}.
     * Here it becomes what every other remote failure is: {@link RemoteModuleTimeoutException} (504) when the read
     * timeout had passed, {@link RemoteModuleUnavailableException} (503) for another I/O failure,
     * {@link RemoteModuleException} (502) for an answer that cannot be read. Other exceptions pass unchanged.
     */
    @SuppressWarnings("unchecked")
    static <T> T guard(String module, Class<T> api, T client, Duration readTimeout) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(client, args);
            }
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
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
