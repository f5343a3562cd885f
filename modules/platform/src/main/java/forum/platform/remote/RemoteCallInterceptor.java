package forum.platform.remote;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every call to one remote module passes here: it carries the request id, goes through the module's
 * circuit breaker, and is retried only if it is an idempotent read. Failures to reach the module become
 * {@link RemoteModuleUnavailableException} (503) or {@link RemoteModuleTimeoutException} (504).
 */
final class RemoteCallInterceptor implements ClientHttpRequestInterceptor {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID_MDC = "requestId";

    private final String module;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    RemoteCallInterceptor(String module, CircuitBreaker circuitBreaker, Retry retry) {
        this.module = module;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        String requestId = MDC.get(REQUEST_ID_MDC);
        if (requestId != null) {
            request.getHeaders().set(REQUEST_ID_HEADER, requestId);
        }
        Supplier<ClientHttpResponse> call = CircuitBreaker.decorateSupplier(circuitBreaker, () -> execute(request, body, execution));
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            call = Retry.decorateSupplier(retry, call);
        }
        try {
            return call.get();
        } catch (CallNotPermittedException open) {
            throw new RemoteModuleUnavailableException(module, "its circuit breaker is open after repeated failures", open);
        }
    }

    private ClientHttpResponse execute(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (HttpConnectTimeoutException notReached) {
            throw new RemoteModuleUnavailableException(module, "no connection within the connect timeout", notReached);
        } catch (HttpTimeoutException slow) {
            throw new RemoteModuleTimeoutException(module, slow);
        } catch (IOException unreachable) {
            throw new RemoteModuleUnavailableException(module, describe(unreachable), unreachable);
        }
        try {
            if (response.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                response.close();
                throw new RemoteModuleUnavailableException(module, "it answered 503", null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response;
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
