package dev.forum.extraction.runtime.remote;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every call to one remote module passes here: it carries the headers the application relays
 * ({@link RemoteCallHeaders}), goes through the module's circuit breaker, and is retried only if it is an idempotent
 * read (GET, HEAD), for the failures the retry's configuration names (by default {@link RetryableRemoteRead}:
 * unavailable, or no answer within the read timeout, {@link RemoteReadRetryDefaults}); a write is sent once, whatever happens to it. Failures to reach
 * the module and 5xx answers become {@link RemoteModuleUnavailableException} (503, with the breaker's wait or the module's
 * own {@code Retry-After}, {@link RetryAfter}),
 * {@link RemoteModuleTimeoutException} (504) or {@link RemoteModuleException} (502); 4xx answers pass on to the
 * error decoders. A warm-up call ({@link WarmUpCall}) is sent once, past the breaker.
 */
final class RemoteCallInterceptor implements ClientHttpRequestInterceptor {

    private final String module;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final List<RemoteCallHeaders> headers;

    RemoteCallInterceptor(String module, CircuitBreaker circuitBreaker, Retry retry, List<RemoteCallHeaders> headers) {
        this.module = module;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.headers = List.copyOf(headers);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        headers.forEach(contributor -> contributor.contribute(module, request.getHeaders()));
        if (WarmUpCall.active()) {
            return WarmUpCall.send(request, () -> execute(request, body, execution));
        }
        Supplier<ClientHttpResponse> call = CircuitBreaker.decorateSupplier(circuitBreaker, () -> execute(request, body, execution));
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            call = Retry.decorateSupplier(retry, call);
        }
        try {
            return call.get();
        } catch (CallNotPermittedException open) {
            throw new RemoteModuleUnavailableException(module, "its circuit breaker is open after repeated failures",
                    openStateWait(), open);
        }
    }

    private ClientHttpResponse execute(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (ConnectTimeoutException notReached) {
            throw new RemoteModuleUnavailableException(module, "no connection within the connect timeout",
                    RemoteModuleUnavailableException.RETRY_SOON, notReached);
        } catch (SocketTimeoutException slow) {
            throw new RemoteModuleTimeoutException(module, request.getMethod(), slow);
        } catch (IOException unreachable) {
            throw new RemoteModuleUnavailableException(module, describe(unreachable),
                    RemoteModuleUnavailableException.RETRY_SOON, unreachable);
        }
        // A 5xx is never a domain outcome: it counts against the circuit breaker. 502 and 503 (a balancer
        // with no healthy target, a module shutting down) are worth one more try for a read; a 504 answer is not
        // (RetryableRemoteRead): the one who answered it already waited.
        int status;
        try {
            status = response.getStatusCode().value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (status >= 500) {
            Duration retryAfter = RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), Instant.now());
            response.close();
            throw switch (status) {
                case 502, 503 -> new RemoteModuleUnavailableException(module, "it answered " + status, retryAfter, null);
                case 504 -> new RemoteModuleTimeoutException(module, request.getMethod(), null);
                default -> new RemoteModuleException(module, "The " + module + " module answered " + request.getMethod()
                        + " " + request.getURI().getPath() + " with " + status, null);
            };
        }
        return response;
    }

    /**
     * How long an open breaker refuses calls before it lets a few through again: its configured wait in the open state
     * (for a wait that grows with each opening, the first one). The time already waited is not known here, so this is
     * the most a caller has to wait.
     */
    private Duration openStateWait() {
        Long millis = circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return millis == null ? RemoteModuleUnavailableException.RETRY_SOON : Duration.ofMillis(millis);
    }

    /**
     * Why a module could not be reached, in words a client of this process may read (the reason is part of the 503's
     * message, which the library only logs, but which an application's own handler may answer with, as the forum's
     * does): never the exception's class or message, which name hosts, ports and the HTTP client's internals; the
     * exception stays the cause, for the log.
     *
     * @param failure what the HTTP client threw, its causes included
     * @return "it refused the connection", "its address does not resolve", "the TLS handshake with it failed" or, for
     *     any other failure (a reset, a connection closed before the answer), "the connection to it failed"
     */
    static String describe(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "it refused the connection";
            } else if (cause instanceof UnknownHostException) {
                return "its address does not resolve";
            } else if (cause instanceof SSLException) {
                return "the TLS handshake with it failed";
            }
        }
        return "the connection to it failed";
    }
}
