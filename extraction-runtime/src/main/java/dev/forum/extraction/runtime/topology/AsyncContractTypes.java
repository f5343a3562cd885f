package dev.forum.extraction.runtime.topology;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of what the run time's remote client cannot serve in an HTTP contract's method, read by both sides:
 * the extraction plugin at build time (its {@code contract-type} refusal, in the analysis JVM on the application's class
 * path) and {@link Topology#remoteContracts} at start (one refusal line per method), so the two never disagree.
 * <p>
 * The client is Spring Framework 7's HTTP interface client over a blocking {@code RestClient}
 * ({@code HttpServiceProxyFactory} with a {@code RestClientAdapter}). Its {@code HttpServiceMethod} returns only
 * {@code void}, {@code HttpHeaders}, {@code ResponseEntity<T>}, a body {@code T} or an {@code Optional} of those from a
 * blocking adapter, and reads any other type as the body itself: a {@code Mono<Venue>} return type makes it ask Jackson
 * for a {@code Mono} ("Cannot construct instance of reactor.core.publisher.Mono"), a {@code List<Mono<Venue>>} for a list
 * of them; a {@code @RequestBody Mono<X>} is refused by the client ("RequestBody with a reactive type is only supported
 * with reactive client"), and a Kotlin {@code suspend fun} by the proxy ("Kotlin Coroutines are only supported with
 * reactive implementations"). Hence, refused:
 * <ul>
 * <li>a reactive or asynchronous type ({@link #asynchronous}), anywhere in the return type or in any parameter's type:
 * bare, or as a type argument at any depth ({@code ResponseEntity<Flux<X>>}, {@code Optional<CompletableFuture<X>>},
 * {@code List<Mono<X>>}), an array's component or a wildcard's bound;</li>
 * <li>a Kotlin {@code suspend} function ({@link #suspend}): compiled, a method whose last parameter is a
 * {@code kotlin.coroutines.Continuation} and whose return type is {@code Object}.</li>
 * </ul>
 * Every type is recognised by its name and its supertypes' names, so that neither Reactor, RxJava, Mutiny nor Kotlin is
 * needed on the class path, and so that a type loaded by another class loader (the application's, in the plugin) is
 * recognised the same. This class needs nothing but the JDK: the plugin adds the jar holding it to its analysis class
 * path.
 */
public final class AsyncContractTypes {

    /** What an asynchronous type carries, which decides the plain type to declare instead. */
    public enum Carries {
        /** Many values ({@code Flux<X>}, any {@code Publisher<X>}): the plain type is {@code List<X>}. */
        MANY,
        /** One value or none ({@code Mono<X>}, {@code CompletableFuture<X>}): the plain type is {@code X}. */
        ONE,
        /** No value ({@code Completable}): the plain type is {@code void}. */
        NONE
    }

    /** Types (and their subtypes) that carry many values. */
    private static final Set<String> MANY = Set.of("org.reactivestreams.Publisher", "java.util.concurrent.Flow$Publisher",
            "io.reactivex.rxjava3.core.Observable", "io.reactivex.rxjava3.core.Flowable", "io.reactivex.Observable",
            "io.reactivex.Flowable", "kotlinx.coroutines.flow.Flow", "io.smallrye.mutiny.Multi");
    /** Types (and their subtypes) that carry one value or none; checked before {@link #MANY} ({@code Mono} is a {@code Publisher}). */
    private static final Set<String> ONE = Set.of("reactor.core.publisher.Mono", "java.util.concurrent.CompletionStage",
            "java.util.concurrent.Future", "io.reactivex.rxjava3.core.Single", "io.reactivex.rxjava3.core.Maybe",
            "io.reactivex.Single", "io.reactivex.Maybe", "kotlinx.coroutines.Deferred", "io.smallrye.mutiny.Uni");
    /** Types that carry no value. */
    private static final Set<String> NONE = Set.of("io.reactivex.rxjava3.core.Completable", "io.reactivex.Completable");
    /** The JDK's futures: "an asynchronous type" rather than "a reactive type" in a refusal. */
    private static final Set<String> FUTURES = Set.of("java.util.concurrent.CompletionStage", "java.util.concurrent.Future");
    /** The last parameter of a Kotlin suspend function, compiled. */
    public static final String CONTINUATION = "kotlin.coroutines.Continuation";

    private AsyncContractTypes() {
    }

    /**
     * A reactive or asynchronous type found in a method's return or parameter type.
     *
     * @param declared     the type as the method declares it ({@code ResponseEntity<Flux<Venue>>})
     * @param asynchronous the asynchronous type inside it, or {@code declared} itself ({@code Flux<Venue>})
     * @param raw          the asynchronous type's class ({@code Flux})
     * @param carries      what it carries
     */
    public record Found(Type declared, Type asynchronous, Class<?> raw, Carries carries) {

        /** Whether it is a JDK future ({@code CompletionStage}, {@code Future}) rather than a reactive type. */
        public boolean future() {
            return TypeNames.supertypes(raw).stream().anyMatch(FUTURES::contains);
        }

        /**
         * The blocking type to declare instead, as written in source ({@link #name}): {@code declared} with the
         * asynchronous type replaced by what it carries: {@code Mono<Venue>} gives {@code Venue}, {@code Flux<Venue>}
         * {@code List<Venue>}, {@code Mono<Void>} {@code void}, {@code ResponseEntity<Flux<Venue>>}
         * {@code ResponseEntity<List<Venue>>}, {@code List<Mono<Venue>>} {@code List<Venue>}.
         */
        public String plain() {
            return declared == asynchronous ? carried(true) : render(declared, this);
        }

        /** What the asynchronous type carries, written at the top of a declaration ({@code void}) or inside one ({@code Void}). */
        private String carried(boolean top) {
            Type[] arguments = asynchronous instanceof ParameterizedType generic ? generic.getActualTypeArguments() : new Type[0];
            Type inner = arguments.length == 1 ? arguments[0] : null;
            if (carries == Carries.NONE || inner == Void.class) {
                return top ? "void" : "Void";
            }
            String value = inner == null ? "the value's type" : name(inner);
            return carries == Carries.MANY ? "List<" + value + ">" : value;
        }
    }

    /**
     * One place in a contract's method that the blocking client cannot serve.
     *
     * @param method    the method
     * @param parameter the parameter's index (from 0), or -1 for the return type and for a suspend function
     * @param suspend   whether the method is a Kotlin suspend function ({@code found} is then empty)
     * @param found     the asynchronous type found in the return type or parameter, when not {@code suspend}
     */
    public record Unservable(Method method, int parameter, boolean suspend, Optional<Found> found) {
    }

    /**
     * Everything of the method the blocking client cannot serve, in this order: that it is a suspend function (its
     * {@code Object} return type and its continuation are then not checked: the function's own return type is what
     * the fix declares), or an asynchronous return type; then each parameter whose type holds an asynchronous type.
     *
     * @param method a method of an HTTP contract
     * @return one entry per refused place, empty when the client serves the method
     */
    public static List<Unservable> unservable(Method method) {
        List<Unservable> found = new ArrayList<>();
        boolean suspend = suspend(method);
        if (suspend) {
            found.add(new Unservable(method, -1, true, Optional.empty()));
        } else {
            find(method.getGenericReturnType()).ifPresent(f -> found.add(new Unservable(method, -1, false, Optional.of(f))));
        }
        Type[] parameters = method.getGenericParameterTypes();
        if (parameters.length != method.getParameterCount()) {
            parameters = method.getParameterTypes(); // a synthetic parameter has no generic type
        }
        for (int i = 0; i < parameters.length - (suspend ? 1 : 0); i++) {
            int index = i;
            find(parameters[i]).ifPresent(f -> found.add(new Unservable(method, index, false, Optional.of(f))));
        }
        return found;
    }

    /**
     * @param method a method of an HTTP contract
     * @return whether it is a Kotlin {@code suspend} function: its last parameter is a {@value #CONTINUATION}
     */
    public static boolean suspend(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return parameters.length > 0 && parameters[parameters.length - 1].getName().equals(CONTINUATION);
    }

    /**
     * @param declared a method's return or parameter type, as declared
     * @return the first reactive or asynchronous type in it (itself, else its type arguments depth first, an array's
     *         component, a wildcard's upper bounds), or empty when it holds none
     */
    public static Optional<Found> find(Type declared) {
        Deque<Type> next = new ArrayDeque<>();
        Set<Type> seen = new HashSet<>();
        next.push(declared);
        while (!next.isEmpty()) {
            Type type = next.pop();
            if (!seen.add(type)) {
                continue;
            }
            Class<?> raw = raw(type);
            Optional<Carries> carries = raw == null ? Optional.empty() : asynchronous(raw);
            if (carries.isPresent()) {
                return Optional.of(new Found(declared, type, raw, carries.get()));
            }
            List<Type> inside = new ArrayList<>();
            if (type instanceof ParameterizedType generic) {
                inside.addAll(Arrays.asList(generic.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType array) {
                inside.add(array.getGenericComponentType());
            } else if (type instanceof WildcardType wildcard) {
                inside.addAll(Arrays.asList(wildcard.getUpperBounds()));
            } else if (type instanceof Class<?> array && array.isArray()) {
                inside.add(array.getComponentType());
            }
            for (int i = inside.size() - 1; i >= 0; i--) {
                next.push(inside.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * @param type a class
     * @return what it carries when it, or one of its supertypes, is a reactive or asynchronous type: Reactive Streams'
     *         {@code Publisher} and the JDK's {@code Flow.Publisher} with everything implementing them (Reactor's
     *         {@code Flux}, RxJava's {@code Flowable}, Mutiny's {@code Multi}), Reactor's {@code Mono},
     *         {@code CompletionStage} and {@code Future} ({@code CompletableFuture}), RxJava's (2 and 3)
     *         {@code Observable}, {@code Single}, {@code Maybe} and {@code Completable}, Mutiny's {@code Uni}, Kotlin's
     *         {@code Flow} and {@code Deferred}: the types Spring's {@code ReactiveAdapterRegistry} adapts, and RxJava 2,
     *         which Spring 7 no longer adapts but the blocking client cannot read either; empty for any other type
     */
    public static Optional<Carries> asynchronous(Class<?> type) {
        Set<String> names = TypeNames.supertypes(type);
        if (names.stream().anyMatch(NONE::contains)) {
            return Optional.of(Carries.NONE);
        }
        if (names.stream().anyMatch(ONE::contains)) {
            return Optional.of(Carries.ONE);
        }
        return names.stream().anyMatch(MANY::contains) ? Optional.of(Carries.MANY) : Optional.empty();
    }

    /**
     * A type as written in source with its classes imported: simple names, a nested class with its enclosing class's
     * ({@code Mono<Venue>}, {@code Map<String, List<Outer.Venue>>}, {@code Venue[]}, {@code ? extends Venue}).
     */
    public static String name(Type type) {
        return render(type, null);
    }

    private static String render(Type type, Found replace) {
        if (replace != null && type == replace.asynchronous()) {
            return replace.carried(false);
        }
        if (type instanceof Class<?> raw) {
            if (raw.isArray()) {
                return render(raw.getComponentType(), replace) + "[]";
            }
            return raw.getEnclosingClass() == null ? raw.getSimpleName() : render(raw.getEnclosingClass(), null) + "." + raw.getSimpleName();
        }
        if (type instanceof ParameterizedType generic) {
            StringBuilder text = new StringBuilder(render(generic.getRawType(), null)).append('<');
            Type[] arguments = generic.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(render(arguments[i], replace));
            }
            return text.append('>').toString();
        }
        if (type instanceof GenericArrayType array) {
            return render(array.getGenericComponentType(), replace) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            Type[] lower = wildcard.getLowerBounds();
            Type[] upper = wildcard.getUpperBounds();
            if (lower.length > 0) {
                return "? super " + render(lower[0], replace);
            }
            return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + render(upper[0], replace);
        }
        return type.getTypeName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        return type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw ? raw : null;
    }
}
