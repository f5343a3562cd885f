package dev.forum.extraction.runtime.remote;

import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes the client of a remote module from its HTTP contract interface (a Spring HTTP interface client), on one
 * pooled keep-alive Apache HttpClient 5 ({@link #pooledHttpClient}) shared by every remote module of this process,
 * made with the first client. The {@link RestClient.Builder} comes from Spring Boot, so each call is observed and
 * carries the W3C trace context. Each module has its own circuit breaker and retry (Resilience4j, named after the
 * module).
 *
 * <p>Why Apache HttpClient rather than the JDK's: its classic API does blocking I/O on the calling thread (a virtual
 * thread in the forum), where the JDK client hands every exchange to its selector thread and back, and Spring's
 * read timeout for the JDK client makes two exceptions on every call, even one answered in time. Side by side
 * ({@code bench/hop.sh}, BENCHMARKS.md "The cost of one cross-module call") the hop costs about a third less CPU.
 */
public final class RemoteModuleClients implements DisposableBean {

    /**
     * Connections kept per base URL (a remote module's load balancer) and in all: beyond them a call waits for one to
     * come free, at most the connect timeout.
     */
    static final int MAX_CONNECTIONS_PER_ROUTE = 500;
    static final int MAX_CONNECTIONS = 2_000;
    /**
     * A pooled connection idle longer than this is checked before reuse (a 1 ms read that tells whether the peer
     * closed it); a younger one is reused at once. Shorter than any keep-alive timeout in front of a module (Tomcat's
     * 20 s by default, an ALB's 60 s).
     */
    static final Duration VALIDATE_AFTER_INACTIVITY = Duration.ofSeconds(1);

    private CloseableHttpClient httpClient;
    private final TopologySettings settings;
    private final ObjectProvider<RestClient.Builder> builders;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final List<RemoteCallHeaders> headers;
    private final List<RemoteErrorDecoder> decoders;
    private final RemoteApiVersions versions;

    /**
     * Clients without API version settings: a contract method with a version works only where the application's
     * {@link RestClient.Builder} inserts versions itself (else making its client fails, {@link RemoteApiVersions}).
     *
     * @param headers  what every call relays, in order
     * @param decoders what turns 4xx answers back into the application's exceptions, in order
     */
    public RemoteModuleClients(TopologySettings settings, ObjectProvider<RestClient.Builder> builders,
            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, List<RemoteCallHeaders> headers,
            List<RemoteErrorDecoder> decoders) {
        this(settings, builders, circuitBreakers, retries, headers, decoders, RemoteApiVersions.none());
    }

    /**
     * @param headers  what every call relays, in order
     * @param decoders what turns 4xx answers back into the application's exceptions, in order
     * @param versions where each client puts the API version of a versioned contract method
     */
    public RemoteModuleClients(TopologySettings settings, ObjectProvider<RestClient.Builder> builders,
            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, List<RemoteCallHeaders> headers,
            List<RemoteErrorDecoder> decoders, RemoteApiVersions versions) {
        this.versions = versions;
        this.settings = settings;
        this.builders = builders;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.headers = List.copyOf(headers);
        this.decoders = List.copyOf(decoders);
    }

    private synchronized CloseableHttpClient httpClient() {
        if (httpClient == null) {
            httpClient = pooledHttpClient(settings.connectTimeout(), settings.readTimeout());
        }
        return httpClient;
    }

    /**
     * The HTTP client of remote modules: HTTP/1.1 with pooled keep-alive connections
     * ({@link #MAX_CONNECTIONS_PER_ROUTE}, {@link #MAX_CONNECTIONS}, {@link #VALIDATE_AFTER_INACTIVITY}); no retries
     * of its own (the module's Resilience4j retry decides), no cookies, no redirects followed.
     *
     * @param connectTimeout the longest wait for a connection, new or from the pool; then a
     *     {@link org.apache.hc.client5.http.ConnectTimeoutException} (new) or an {@link java.io.InterruptedIOException}
     *     (pool exhausted)
     * @param readTimeout    the longest wait for the answer's head, and then between any two reads of its body; then a
     *     {@link SocketTimeoutException}
     * @return a client to close when the process stops
     */
    static CloseableHttpClient pooledHttpClient(Duration connectTimeout, Duration readTimeout) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .setValidateAfterInactivity(TimeValue.of(VALIDATE_AFTER_INACTIVITY))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    /** Whether a client was made, and with it the shared HTTP client. */
    synchronized boolean connected() {
        return httpClient != null;
    }

    /**
     * @param module  the remote module
     * @param baseUrl where it lives
     * @param api     one of its HTTP contract interfaces
     * @return a client of {@code api} whose failures are {@link RemoteModuleException}s, but for the module's own
     *     answers about the request that no {@link RemoteErrorDecoder} decodes ({@link RemoteErrorResponseException})
     * @throws IllegalStateException when {@code api} has a versioned method and no setting says where its version goes
     *     ({@link RemoteApiVersions#apply})
     */
    public <T> T create(String module, URI baseUrl, Class<T> api) {
        RestClient.Builder builder = builders.getObject();
        versions.apply(module, baseUrl, api, builder);
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(httpClient());
        RestClient client = builder
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
                    RemoteErrorResponseException relayed = RemoteErrorResponseException.relay(module, status,
                            response.getHeaders(), body, CallersCredentials.relayed(request.getHeaders()));
                    if (relayed != null) {
                        throw relayed;
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
     * {@link RemoteModuleException} (502) for an answer that cannot be read. Other exceptions pass unchanged. A call
     * made on a thread that must not block (a Spring WebFlux event loop) is refused before it is sent
     * ({@link NonBlockingThreads}: {@link IllegalStateException}).
     */
    @SuppressWarnings("unchecked")
    static <T> T guard(String module, Class<T> api, T client, Duration readTimeout) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(client, args);
            }
            NonBlockingThreads.refuse(module, api, method);
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
                if (io instanceof SocketTimeoutException || System.nanoTime() - start >= readTimeout.toNanos()) {
                    throw new RemoteModuleTimeoutException(module, httpMethod(api, method, args), failure);
                }
                throw new RemoteModuleUnavailableException(module, "its answer broke off (" + io + ")",
                        RemoteModuleUnavailableException.RETRY_SOON, failure);
            }
        };
        return (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
    }

    /**
     * The HTTP method a contract method sends, as Spring's HTTP interface client picks it: an {@link HttpMethod}
     * argument, else the method's own {@code @HttpExchange} (or {@code @PostExchange}, ...), else the interface's;
     * null when none names one.
     */
    static HttpMethod httpMethod(Class<?> api, Method method, Object[] args) {
        if (args != null) {
            for (Object arg : args) {
                if (arg instanceof HttpMethod given) {
                    return given;
                }
            }
        }
        for (AnnotatedElement element : new AnnotatedElement[] {method, api}) {
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(element, HttpExchange.class);
            if (exchange != null && !exchange.method().isEmpty()) {
                return HttpMethod.valueOf(exchange.method());
            }
        }
        return null;
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
            httpClient.close(CloseMode.IMMEDIATE);
        }
    }
}
