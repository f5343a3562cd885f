package dev.forum.extraction.runtime.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A call of a remote module's client made by the warm-up ({@code web.WarmUp}), not by the application: it is sent past
 * the module's circuit breaker and retry, so that it never counts in the breaker's window (a module still starting, or
 * an API that asks for credentials the warm-up has none of, must not count against the calls that follow), and the
 * status of the module's answer is kept for the warm-up's log line. An application has no use for it.
 */
public final class WarmUpCall {

    private static final ThreadLocal<Answer> ANSWER = new ThreadLocal<>();

    /** What the interceptor saw of the call on this thread. */
    private static final class Answer {
        int status;
        boolean credentials;
        boolean json;
    }

    /** A warm-up call: what it does, with the exception it may throw. */
    @FunctionalInterface
    public interface Call {
        /** @throws Exception whatever the client threw */
        void run() throws Exception;
    }

    /**
     * What a warm-up call came to.
     *
     * @param status      the HTTP status of the module's answer (the last one), 0 when none came (no connection, a
     *                    timeout, a 5xx answer)
     * @param credentials whether the call carried an {@code Authorization} header (a {@link RemoteCallHeaders} bean's)
     * @param json        whether the answer (the last one) was JSON ({@code application/json} or a {@code +json} type,
     *                    such as a problem document or Spring Boot's error JSON): an answer of the application's own;
     *                    false for no answer, no body type, an HTML or a text body
     * @param failure     what the call threw, null when it succeeded
     */
    public record Outcome(int status, boolean credentials, boolean json, Throwable failure) {

        /**
         * @return whether the module answered 401 or 403 to a call without credentials: that says only that its API asks
         *     for credentials, which the warm-up (no caller's request to relay them from) did not have
         */
        public boolean asksForCredentials() {
            return (status == 401 || status == 403) && !credentials;
        }
    }

    private WarmUpCall() {
    }

    /**
     * Makes one warm-up call on this thread.
     *
     * @param call a call of a remote module's client
     * @return the answer's status and what the call threw; never throws itself
     */
    public static Outcome send(Call call) {
        Answer answer = new Answer();
        ANSWER.set(answer);
        try {
            call.run();
            return new Outcome(answer.status, answer.credentials, answer.json, null);
        } catch (Exception e) {
            return new Outcome(answer.status, answer.credentials, answer.json, e);
        } finally {
            ANSWER.remove();
        }
    }

    /** @return whether the call being made on this thread is a warm-up call ({@link #send}) */
    static boolean active() {
        return ANSWER.get() != null;
    }

    /**
     * Sends a warm-up call's request and keeps what {@link Outcome} says of it.
     *
     * @param request the request, with the headers the application relays
     * @param send    sends it (the interceptor's own handling of failures and 5xx answers)
     * @return the module's answer
     */
    static ClientHttpResponse send(HttpRequest request, Supplier<ClientHttpResponse> send) {
        Answer answer = ANSWER.get();
        answer.credentials = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        ClientHttpResponse response = send.get();
        try {
            answer.status = response.getStatusCode().value();
            MediaType type = response.getHeaders().getContentType();
            answer.json = type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response;
    }
}
