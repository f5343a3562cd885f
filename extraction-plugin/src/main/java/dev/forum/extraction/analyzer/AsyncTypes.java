package dev.forum.extraction.analyzer;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

/**
 * The reactive and asynchronous types a contract's method cannot take or return, because the run time's remote client
 * is blocking: {@code extraction-runtime} makes it with Spring's {@code HttpServiceProxyFactory} over a
 * {@code RestClientAdapter}, whose methods return only {@code void}, {@code HttpHeaders}, {@code ResponseEntity<T>}, a
 * body {@code T} or an {@code Optional} of those (Spring Framework 7's {@code HttpServiceMethod}). Any other type is read
 * as the body itself: a {@code Mono<Venue>} return type makes the client ask Jackson for a {@code Mono} ("Cannot
 * construct instance of reactor.core.publisher.Mono"), and a {@code @RequestBody Mono<X>} is refused by the client
 * ("RequestBody with a reactive type is only supported with reactive client"). Refused here: Reactive Streams'
 * {@code Publisher} and the JDK's {@code Flow.Publisher} with everything implementing them (Reactor's {@code Mono} and
 * {@code Flux}, RxJava's {@code Flowable}, Mutiny's {@code Multi}), {@code CompletionStage} and {@code Future}
 * ({@code CompletableFuture}), and the reactive types of Spring's {@code ReactiveAdapterRegistry} that implement neither
 * (RxJava's {@code Single}, {@code Maybe}, {@code Completable}, {@code Observable}; Mutiny's {@code Uni}; Kotlin's
 * {@code Flow} and {@code Deferred}), found by name so that none of those libraries is needed here.
 */
final class AsyncTypes {

    /** Types (and their subtypes) that carry many values: the plain type is a {@code List}. */
    private static final Set<String> MANY = Set.of("org.reactivestreams.Publisher", "java.util.concurrent.Flow$Publisher",
            "io.reactivex.rxjava3.core.Observable", "io.reactivex.rxjava3.core.Flowable", "io.reactivex.Observable",
            "io.reactivex.Flowable", "kotlinx.coroutines.flow.Flow", "io.smallrye.mutiny.Multi");
    /** Types (and their subtypes) that carry one value, or none: the plain type is the value's. */
    private static final Set<String> ONE = Set.of("reactor.core.publisher.Mono", "java.util.concurrent.CompletionStage",
            "java.util.concurrent.Future", "io.reactivex.rxjava3.core.Single", "io.reactivex.rxjava3.core.Maybe",
            "io.reactivex.Single", "io.reactivex.Maybe", "kotlinx.coroutines.Deferred", "io.smallrye.mutiny.Uni");
    /** Types that carry no value: the plain type is {@code void}. */
    private static final Set<String> NONE = Set.of("io.reactivex.rxjava3.core.Completable", "io.reactivex.Completable");

    static final String WEBFLUX = "; in a WebFlux caller, wrap the call: Mono.fromCallable(() -> ...)"
            + ".subscribeOn(Schedulers.boundedElastic()) (and the controller that implements the contract returns the"
            + " plain type too)";

    private AsyncTypes() {
    }

    /**
     * Why the blocking client cannot take or return {@code type}, with the plain type to write instead.
     *
     * @param type   a parameter or return type of a contract's method, as declared
     * @param result whether it is the return type ({@code return X instead}) or a parameter ({@code take X instead})
     * @return the problem and the fix; empty when neither the type nor a wrapper around it ({@code ResponseEntity},
     *         {@code Optional}) is reactive or asynchronous
     */
    static Optional<String[]> problem(Type type, boolean result) {
        Type current = type;
        while (current != null) {
            Class<?> raw = raw(current);
            if (raw == null) {
                return Optional.empty();
            }
            Set<String> kinds = ContractParameters.supertypes(raw);
            boolean many = kinds.stream().anyMatch(MANY::contains) && !kinds.contains("reactor.core.publisher.Mono");
            boolean one = kinds.stream().anyMatch(ONE::contains);
            boolean none = kinds.stream().anyMatch(NONE::contains);
            if (many || one || none) {
                boolean future = kinds.contains("java.util.concurrent.CompletionStage") || kinds.contains("java.util.concurrent.Future");
                String problem = raw.getName() + " is " + (future ? "an asynchronous type" : "a reactive type")
                        + ", and the run time's remote client is blocking (Spring's HttpServiceProxyFactory over a"
                        + " RestClientAdapter): it " + (result ? "would read the answer's JSON as a " + raw.getSimpleName()
                        + ", which Jackson cannot build" : "refuses a " + raw.getSimpleName() + " argument");
                String plain = none ? "void" : plain(type, current, many);
                String fix = (result ? "return " : "take ") + plain + " instead (the plain type: the client waits for the"
                        + " answer)" + WEBFLUX;
                return Optional.of(new String[] {problem, fix});
            }
            current = current instanceof ParameterizedType generic && isWrapper(raw) && generic.getActualTypeArguments().length == 1
                    ? generic.getActualTypeArguments()[0] : null;
        }
        return Optional.empty();
    }

    /** The declared type with the asynchronous one replaced by what it carries ({@code List} of it for many). */
    private static String plain(Type declared, Type async, boolean many) {
        Type inner = async instanceof ParameterizedType generic && generic.getActualTypeArguments().length == 1
                ? generic.getActualTypeArguments()[0] : null;
        String carried = inner == null ? "the value's type" : simple(inner);
        if (inner != null && raw(inner) == Void.class) {
            carried = "void";
        } else if (many) {
            carried = "List<" + carried + ">";
        }
        if (declared == async) {
            return carried;
        }
        // a wrapper around it, ResponseEntity<Mono<X>>: the wrapper keeps, the asynchronous type goes
        return simple(declared).replace(simple(async), carried.equals("void") ? "Void" : carried);
    }

    private static boolean isWrapper(Class<?> raw) {
        return raw == Optional.class || raw.getName().equals("org.springframework.http.ResponseEntity")
                || raw.getName().equals("org.springframework.http.HttpEntity");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        return type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw ? raw : null;
    }

    /** The type as a user writes it in the source: simple names, {@code Mono<Venue>}. */
    static String simple(Type type) {
        if (type instanceof Class<?> raw) {
            return raw.isArray() ? simple(raw.getComponentType()) + "[]" : raw.getSimpleName();
        }
        if (type instanceof ParameterizedType generic) {
            StringBuilder text = new StringBuilder(simple(generic.getRawType())).append('<');
            Type[] arguments = generic.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(simple(arguments[i]));
            }
            return text.append('>').toString();
        }
        return type.getTypeName();
    }
}
