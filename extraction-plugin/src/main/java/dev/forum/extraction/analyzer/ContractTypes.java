package dev.forum.extraction.analyzer;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds what an HTTP contract cannot carry: a method's parameter or return type that Jackson cannot build from JSON,
 * or a URL or header parameter Spring cannot convert from text. Every call of such a method through the remote client
 * fails at run time, so the plugin refuses the build instead. Only what certainly fails is refused:
 * <ul>
 * <li>a body ({@code @RequestBody}) or return type (inside {@code ResponseEntity}, {@code HttpEntity},
 * {@code Optional}, {@code Mono}, {@code Flux}, {@code CompletableFuture}...) must be data: not an interface or abstract
 * class, except those Jackson builds by default ({@code Object}, {@code Serializable}, {@code Comparable}, the
 * {@code java.util} collections and maps, {@code Iterable}, {@code CharSequence}, {@code Number}, {@code java.time},
 * {@code TimeZone}, {@code Calendar}, {@code Path}, Jackson's and Spring's own types), unless the type is annotated for
 * polymorphism or with its own deserializer ({@code @JsonTypeInfo}, {@code @JsonSubTypes}, {@code @JsonDeserialize}
 * with {@code as}, {@code using} or {@code builder}, Jackson 2's or 3's, found by name so that no Jackson is needed
 * here); and nothing that is not data at all (threads, byte and character streams, {@code java.util.stream} streams,
 * {@code Class}, class loaders, reflection). Type arguments are checked ({@code List<Predicate<X>>}), and so are the
 * record components and the visible fields of the application's own classes, recursively; a library's concrete class
 * is trusted;</li>
 * <li>a {@code @PathVariable}, {@code @RequestParam}, {@code @RequestHeader} or {@code @CookieValue} parameter
 * travels as text: refused only when it is an interface or abstract class of no known kind (a collection, map,
 * {@code Number}, {@code CharSequence}, {@code java.time}, Spring's own) or an application class Spring has no way to
 * build from a String (no String constructor, no static {@code valueOf}, {@code of}, {@code from} or {@code parse}
 * taking one).</li>
 * </ul>
 * A type made carriable only by a Jackson module or mix-in registered in code is refused; annotate it instead.
 */
public final class ContractTypes {

    private static final String EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";
    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final Set<String> TEXT_PARAMETERS = Set.of(WEB + "PathVariable", WEB + "RequestParam", WEB + "RequestHeader",
            WEB + "CookieValue");
    private static final Set<String> WRAPPERS = Set.of("org.springframework.http.ResponseEntity", "org.springframework.http.HttpEntity",
            "org.springframework.http.RequestEntity", "java.util.Optional", "reactor.core.publisher.Mono", "reactor.core.publisher.Flux",
            "org.reactivestreams.Publisher", "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage",
            "java.util.concurrent.Future");
    /** Interfaces and abstract classes Jackson builds from JSON without being told how. */
    private static final List<Class<?>> BUILT_IN = List.of(Object.class, java.io.Serializable.class, Comparable.class,
            java.util.Collection.class, java.util.Map.class, Iterable.class, CharSequence.class, Number.class, Enum.class,
            java.util.TimeZone.class, java.util.Calendar.class, java.nio.file.Path.class, Record.class);
    private static final Map<Class<?>, String> NOT_DATA = notData();
    private static final int DEPTH = 8;

    private final Predicate<String> own;

    /** @param own whether a class is the application's own, whose fields are checked too */
    public ContractTypes(Predicate<String> own) {
        this.own = own;
    }

    /**
     * One problem a contract has: {@code part} is {@code parameter 'name'} (or {@code parameter N} without names) or
     * {@code return type}; {@code problem} says why it cannot travel, {@code fix} what to send instead.
     */
    public record Problem(String method, String part, String type, String problem, String fix) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("method", method);
            json.put("part", part);
            json.put("type", type);
            json.put("problem", problem);
            json.put("fix", fix);
            return json;
        }
    }

    static final String DATA_FIX = "send a record or class of data instead (or annotate the type for Jackson's polymorphism"
            + " with @JsonTypeInfo and @JsonSubTypes)";
    static final String TEXT_FIX = "use a String, a number, an enum, a java.time value, a UUID or a type with a String"
            + " constructor or a static valueOf, of, from or parse(String), or send it as a record in the @RequestBody";

    /** Every problem of the contract's HTTP exchange methods, in method order. */
    public List<Problem> problems(Class<?> contract) {
        List<Problem> problems = new ArrayList<>();
        Method[] methods = contract.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || !exchange(method)) {
                continue;
            }
            Parameter[] parameters = method.getParameters();
            Type[] generic = method.getGenericParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                Parameter parameter = parameters[i];
                Type type = generic.length == parameters.length ? generic[i] : parameter.getParameterizedType();
                String part = "parameter " + (parameter.isNamePresent() ? "'" + parameter.getName() + "'" : String.valueOf(i + 1));
                if (annotated(parameter, WEB + "RequestBody")) {
                    data(unwrap(type)).ifPresent(p -> problems.add(new Problem(method.getName(), part, type.getTypeName(), p, DATA_FIX)));
                } else if (TEXT_PARAMETERS.stream().anyMatch(a -> annotated(parameter, a))) {
                    text(type).ifPresent(p -> problems.add(new Problem(method.getName(), part, type.getTypeName(), p, TEXT_FIX)));
                }
            }
            Type returned = method.getGenericReturnType();
            data(unwrap(returned)).ifPresent(p -> problems.add(new Problem(method.getName(), "return type", returned.getTypeName(), p,
                    DATA_FIX)));
        }
        return problems;
    }

    /** Why JSON cannot carry the type (in either direction), or empty when it can. */
    public Optional<String> data(Type type) {
        return data(type, new HashSet<>(), 0, "");
    }

    private Optional<String> data(Type type, Set<Type> visited, int depth, String through) {
        if (type == null || depth > DEPTH || !visited.add(type)) {
            return Optional.empty();
        }
        if (type instanceof ParameterizedType generic) {
            Optional<String> raw = data(generic.getRawType(), visited, depth, through);
            if (raw.isPresent() || !(generic.getRawType() instanceof Class<?> rawClass)
                    || rawClass.getName().startsWith("org.springframework.")) {
                return raw;
            }
            for (Type argument : generic.getActualTypeArguments()) {
                Optional<String> found = data(argument, visited, depth + 1, through);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (type instanceof GenericArrayType array) {
            return data(array.getGenericComponentType(), visited, depth + 1, through);
        }
        if (type instanceof WildcardType wildcard) {
            return data(wildcard.getUpperBounds().length == 0 ? Object.class : wildcard.getUpperBounds()[0], visited, depth, through);
        }
        if (type instanceof TypeVariable<?> variable) {
            return data(variable.getBounds().length == 0 ? Object.class : variable.getBounds()[0], visited, depth, through);
        }
        return type instanceof Class<?> raw ? dataClass(raw, visited, depth, through) : Optional.empty();
    }

    private Optional<String> dataClass(Class<?> raw, Set<Type> visited, int depth, String through) {
        if (raw.isArray()) {
            return data(raw.getComponentType(), visited, depth + 1, through);
        }
        if (raw.isPrimitive() || raw.isEnum() || raw == Void.class) {
            return Optional.empty();
        }
        for (Map.Entry<Class<?>, String> kind : NOT_DATA.entrySet()) {
            if (kind.getKey().isAssignableFrom(raw)) {
                return Optional.of(through + raw.getName() + " is " + kind.getValue() + ", not data: JSON cannot carry it");
            }
        }
        if (trusted(raw) || JacksonProperties.polymorphic(raw)) {
            return Optional.empty();
        }
        boolean isAbstract = raw.isInterface() || Modifier.isAbstract(raw.getModifiers());
        if (isAbstract) {
            String what = raw.isInterface() ? (functional(raw) ? "an interface, a function rather than data," : "an interface")
                    : "an abstract class";
            return Optional.of(through + raw.getName() + " is " + what + " that Jackson cannot build from JSON (it cannot"
                    + " know which implementation to make)");
        }
        if (!own.test(raw.getName())) {
            return Optional.empty(); // a library's or the JDK's concrete class: trusted
        }
        for (Map.Entry<String, Type> property : JacksonProperties.of(raw).entrySet()) {
            Optional<String> found = data(property.getValue(), visited, depth + 1,
                    through + "its " + (raw.isRecord() ? "component " : "field ") + raw.getSimpleName() + "." + property.getKey() + ": ");
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A type whose own kind Jackson builds by default, or Jackson's or Spring's own. */
    private static boolean trusted(Class<?> raw) {
        String name = raw.getName();
        return name.startsWith("java.time.") || name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.")
                || name.startsWith("org.springframework.")
                || BUILT_IN.stream().anyMatch(known -> raw == known || (known != Object.class && known != java.io.Serializable.class
                        && known != Comparable.class && known != Record.class && known.isAssignableFrom(raw) && raw.getName().startsWith("java.")));
    }

    /** Why a URL or header parameter cannot be converted from text, or empty when it can (or might). */
    public Optional<String> text(Type type) {
        Type unwrapped = type;
        while (true) {
            if (unwrapped instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                    && (java.util.Collection.class.isAssignableFrom(raw) || raw == Optional.class) && generic.getActualTypeArguments().length == 1) {
                unwrapped = generic.getActualTypeArguments()[0];
            } else if (unwrapped instanceof GenericArrayType array) {
                unwrapped = array.getGenericComponentType();
            } else if (unwrapped instanceof Class<?> c && c.isArray()) {
                unwrapped = c.getComponentType();
            } else {
                break;
            }
        }
        Class<?> raw = unwrapped instanceof Class<?> c ? c
                : unwrapped instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> c ? c : null;
        if (raw == null || raw.isPrimitive() || raw.isEnum() || java.util.Map.class.isAssignableFrom(raw)
                || java.util.Collection.class.isAssignableFrom(raw) || fromString(raw)) {
            return Optional.empty();
        }
        String name = raw.getName();
        if (name.startsWith("java.time.") || name.startsWith("org.springframework.") || raw == Object.class
                || CharSequence.class.isAssignableFrom(raw) || Number.class.isAssignableFrom(raw)) {
            return Optional.empty();
        }
        boolean isAbstract = raw.isInterface() || Modifier.isAbstract(raw.getModifiers());
        if (isAbstract) {
            return Optional.of(raw.getName() + " is " + (raw.isInterface() ? functional(raw) ? "an interface, a function rather than"
                    + " data," : "an interface" : "an abstract class") + " that Spring cannot make from the text of a URL or header");
        }
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.") || !own.test(name)) {
            return Optional.empty(); // the JDK's and libraries' classes may have converters or property editors
        }
        return Optional.of(raw.getName() + " travels as text in the URL or a header, and Spring has no way to make one from a"
                + " String (no String constructor, no static valueOf, of, from or parse taking one)");
    }

    private static boolean fromString(Class<?> raw) {
        for (Class<?> text : List.of(String.class, CharSequence.class)) {
            try {
                raw.getDeclaredConstructor(text); // any access: be lenient
                return true;
            } catch (NoSuchMethodException | SecurityException e) {
                // next
            }
            for (String factory : List.of("valueOf", "of", "from", "parse")) {
                try {
                    Method m = raw.getDeclaredMethod(factory, text);
                    if (Modifier.isStatic(m.getModifiers()) && raw.isAssignableFrom(m.getReturnType())) {
                        return true;
                    }
                } catch (NoSuchMethodException | SecurityException e) {
                    // next
                }
            }
        }
        return false;
    }

    /** The body inside a wrapper the client and server unwrap: {@code ResponseEntity<T>}, {@code Optional<T>}, {@code Mono<T>}... */
    static Type unwrap(Type type) {
        Type current = type;
        while (current instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && WRAPPERS.contains(raw.getName()) && generic.getActualTypeArguments().length == 1) {
            current = generic.getActualTypeArguments()[0];
        }
        if (current instanceof Class<?> raw && (raw == void.class || WRAPPERS.contains(raw.getName()))) {
            return Void.class;
        }
        return current;
    }

    private static boolean functional(Class<?> type) {
        return type.isAnnotationPresent(FunctionalInterface.class) || type == Runnable.class
                || type.getName().startsWith("java.util.function.")
                || Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers())).count() == 1
                        && type.getName().startsWith("java.");
    }

    private static boolean exchange(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(EXCHANGE)
                || Arrays.stream(a.annotationType().getAnnotations()).anyMatch(meta -> meta.annotationType().getName().equals(EXCHANGE)));
    }

    private static boolean annotated(Parameter parameter, String annotation) {
        return Arrays.stream(parameter.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(annotation));
    }

    private static Map<Class<?>, String> notData() {
        Map<Class<?>, String> kinds = new LinkedHashMap<>();
        kinds.put(Thread.class, "a thread");
        kinds.put(ThreadGroup.class, "a thread group");
        kinds.put(java.io.InputStream.class, "a stream of bytes");
        kinds.put(java.io.OutputStream.class, "a stream of bytes");
        kinds.put(java.io.Reader.class, "a stream of characters");
        kinds.put(java.io.Writer.class, "a stream of characters");
        kinds.put(java.util.stream.BaseStream.class, "a java.util.stream stream");
        kinds.put(java.util.Iterator.class, "an iterator");
        kinds.put(Class.class, "a class");
        kinds.put(ClassLoader.class, "a class loader");
        kinds.put(java.lang.reflect.AccessibleObject.class, "a reflective handle");
        kinds.put(java.nio.channels.Channel.class, "a channel");
        kinds.put(java.net.Socket.class, "a socket");
        kinds.put(java.util.concurrent.Executor.class, "an executor");
        return kinds;
    }
}
