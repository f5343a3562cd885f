package dev.forum.extraction.runtime.topology;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;

/**
 * Which methods of a remote module's HTTP contract the run time's client cannot serve. The client is Spring's HTTP
 * interface client over a blocking {@code RestClient} ({@code RestClientAdapter}): it returns the answer's body as the
 * method's return type, so a method returning a reactive or asynchronous type ({@code Mono}, {@code Flux}, any
 * Reactive Streams or {@code java.util.concurrent.Flow} {@code Publisher}, a {@code CompletionStage} or
 * {@code Future}, or any other type Spring's {@link ReactiveAdapterRegistry} adapts), bare or as the body of a
 * {@code ResponseEntity} or {@code Optional}, would have every call fail (Jackson cannot build a {@code Mono} from
 * JSON); a parameter of such a type cannot be sent either. Such a contract works in process and breaks only once its
 * module is remote, so the start is refused instead ({@link Topology#remoteContracts}).
 */
final class BlockingContracts {

    private static final String ASYNC_PUBLISHERS = "org.reactivestreams.Publisher";

    private BlockingContracts() {
    }

    /**
     * @param module the remote module
     * @param api    one of its contract interfaces
     * @return one line per method (in name order) whose return type or parameter the blocking client cannot handle,
     *         naming the type and what to declare instead; empty when the client serves every method
     */
    static List<String> refusals(String module, Class<?> api) {
        List<String> refusals = new ArrayList<>();
        Method[] methods = api.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String where = "Contract " + api.getName() + " of remote module '" + module + "': method " + method.getName();
            ResolvableType returned = body(ResolvableType.forMethodReturnType(method));
            if (asynchronous(returned.resolve(Object.class))) {
                refusals.add(where + " returns " + shortName(ResolvableType.forMethodReturnType(method))
                        + ", which the run time's blocking HTTP client cannot return (every call would fail): declare it to"
                        + " return " + plain(returned) + ", and let a reactive caller wrap the call in"
                        + " Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic())");
            }
            for (int i = 0; i < method.getParameterCount(); i++) {
                ResolvableType parameter = ResolvableType.forMethodParameter(new MethodParameter(method, i));
                if (asynchronous(parameter.resolve(Object.class))) {
                    refusals.add(where + " takes " + shortName(parameter) + " (parameter " + (i + 1) + "), which the run"
                            + " time's blocking HTTP client cannot send: declare it as " + plain(parameter));
                }
            }
        }
        return refusals;
    }

    /** What Spring's client reads the body as: the type argument of a {@code ResponseEntity} or {@code Optional}. */
    private static ResolvableType body(ResolvableType returned) {
        Class<?> raw = returned.resolve(Object.class);
        if ((raw == ResponseEntity.class || raw == Optional.class) && returned.hasGenerics()) {
            return returned.getGeneric(0);
        }
        return returned;
    }

    /** Whether the type is a reactive or asynchronous one, which a blocking call neither returns nor sends. */
    static boolean asynchronous(Class<?> type) {
        if (CompletionStage.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
                || java.util.concurrent.Flow.Publisher.class.isAssignableFrom(type) || named(type, ASYNC_PUBLISHERS)) {
            return true;
        }
        return ReactiveAdapterRegistry.getSharedInstance().getAdapter(type) != null;
    }

    /** Whether the type or one of its supertypes has the name (so the check needs no Reactive Streams on the class path). */
    private static boolean named(Class<?> type, String name) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(name)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (named(implemented, name)) {
                return true;
            }
        }
        return named(type.getSuperclass(), name);
    }

    /**
     * The blocking type to declare instead: a single value's type ({@code Mono<Venue>}, {@code CompletableFuture<Venue>}:
     * {@code Venue}; {@code Mono<Void>}: {@code void}), a list of a stream's ({@code Flux<Venue>}: {@code List<Venue>}).
     */
    private static String plain(ResolvableType asynchronous) {
        Class<?> raw = asynchronous.resolve(Object.class);
        ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(raw);
        boolean many = adapter != null ? adapter.isMultiValue()
                : java.util.concurrent.Flow.Publisher.class.isAssignableFrom(raw) || named(raw, ASYNC_PUBLISHERS);
        ResolvableType element = asynchronous.hasGenerics() ? asynchronous.getGeneric(0) : ResolvableType.NONE;
        String value = element == ResolvableType.NONE || element.resolve() == null ? "the answer's type" : shortName(element);
        if (many) {
            return "List<" + value + ">";
        }
        return "Void".equals(value) ? "void" : value;
    }

    /** A type as written in source without its packages: {@code Mono<Venue>}, {@code Map<String, List<Venue>>}. */
    static String shortName(ResolvableType type) {
        return type.toString().replaceAll("(?:[a-z_$][\\w$]*\\.)+", "").replace('$', '.').replaceAll(",\\s*", ", ");
    }
}
