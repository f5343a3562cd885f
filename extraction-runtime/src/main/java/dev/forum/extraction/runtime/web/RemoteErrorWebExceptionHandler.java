package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.remote.RemoteErrorResponseException;
import dev.forum.extraction.runtime.remote.RemoteModuleException;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The Spring WebFlux counterpart of {@link RemoteErrorResponseAdvice}: answers a remote module's relayed answer
 * ({@link RemoteErrorResponseException}: its status, headers and problem document) and a remote module's failure
 * ({@link RemoteModuleException}: 502, 503 with {@code Retry-After}, 504, with the problem document whose detail is
 * fixed per status, and the one WARN line) exactly as that advice does, as {@code application/problem+json} with the
 * request's path as the problem's {@code instance} where it has none. Without it Spring Boot's
 * {@code DefaultErrorWebExceptionHandler} answered every one of them with a 500 and logged it as an ERROR with its
 * stack trace, as it ignores an {@code ErrorResponse}'s status.
 *
 * <p>A {@code WebExceptionHandler}, so it answers what escapes an annotated controller (whose own
 * {@code @ExceptionHandler}s, and those of the application's {@code @ControllerAdvice}, come first, as in Spring MVC)
 * and a functional endpoint ({@code RouterFunction}) alike. Its order, {@link #ORDER}, puts it before Spring Boot's
 * error handler ({@code -1}); an application's own {@code WebExceptionHandler} of a lower order, or of the same order
 * (an application's beans are registered before this auto-configured one), comes first. Any other exception, or a
 * response already committed, is passed on unchanged.
 *
 * <p>A relayed answer that is no problem document (Spring Boot's error JSON, as a module answers an exception with
 * {@code spring.webflux.problemdetails.enabled} off, its default; no body) is passed on as a
 * {@code ResponseStatusException} of its status (its cause the relayed answer), its headers set on the response: Spring
 * Boot's error handler then renders its error JSON with the caller's path, as it renders the module's
 * {@code ResponseStatusException} in the monolith.
 */
public class RemoteErrorWebExceptionHandler implements WebExceptionHandler, Ordered {

    /** Before Spring Boot's {@code ErrorWebExceptionHandler}, which is at {@code -1}. */
    public static final int ORDER = -2;

    /** Its answers, log lines included: one way to answer a remote failure, in Spring MVC and WebFlux alike. */
    private final RemoteErrorResponseAdvice answers = new RemoteErrorResponseAdvice();
    private final ServerResponse.Context context;

    /**
     * @param writers how to write the problem document: the application's codecs' writers (Spring Boot's
     *     {@code ServerCodecConfigurer}), one of which writes {@code application/problem+json}
     */
    public RemoteErrorWebExceptionHandler(List<HttpMessageWriter<?>> writers) {
        List<HttpMessageWriter<?>> copied = List.copyOf(writers);
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return copied;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * @param exchange the request whose handling failed
     * @param failure  what it failed with
     * @return the answer written, for a {@link RemoteErrorResponseException} of a problem document or a
     *     {@link RemoteModuleException} (a subtype included); a {@code ResponseStatusException} for the next handler,
     *     for a relayed answer that is no problem document; else, or when the response is already committed,
     *     {@code failure} again, for the next handler
     */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ResponseEntity<ProblemDetail> answer;
        if (failure instanceof RemoteErrorResponseException relayed && !relayed.problemDocument()) {
            exchange.getResponse().getHeaders().addAll(relayed.getHeaders());
            return Mono.error(new ResponseStatusException(relayed.getStatusCode(), null, relayed));
        } else if (failure instanceof RemoteErrorResponseException relayed) {
            answer = answers.relay(relayed);
        } else if (failure instanceof RemoteModuleException remote) {
            answer = answers.remoteFailure(remote);
        } else {
            return Mono.error(failure);
        }
        ProblemDetail problem = answer.getBody();
        ServerResponse.BodyBuilder response = ServerResponse.status(answer.getStatusCode())
                .headers(headers -> headers.addAll(answer.getHeaders()));
        if (problem == null) {
            return response.build().flatMap(written -> written.writeTo(exchange, context));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem)
                .flatMap(written -> written.writeTo(exchange, context));
    }
}
