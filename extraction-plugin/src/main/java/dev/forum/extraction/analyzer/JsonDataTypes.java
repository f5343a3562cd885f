package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.AsyncContractTypes;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether JSON carries a type both ways, the rule of {@link ContractTypes} for a body, a part and a return type: not an
 * interface or abstract class Jackson cannot build without being told how, nothing that is not data at all, and
 * recursively the type arguments and the application's own classes' record components and visible fields
 * ({@link JacksonProperties}). A library's concrete class is trusted; a type annotated for Jackson's polymorphism or
 * with its own deserializer is accepted.
 */
final class JsonDataTypes {

    /** Interfaces and abstract classes Jackson builds from JSON without being told how. */
    private static final List<Class<?>> BUILT_IN = List.of(Object.class, java.io.Serializable.class, Comparable.class,
            java.util.Collection.class, java.util.Map.class, Iterable.class, CharSequence.class, Number.class, Enum.class,
            java.util.TimeZone.class, java.util.Calendar.class, java.nio.file.Path.class, Record.class);
    private static final Map<Class<?>, String> NOT_DATA = notData();
    private static final int DEPTH = 8;

    private final Predicate<String> own;

    /** @param own whether a class is the application's own, whose fields are checked too */
    JsonDataTypes(Predicate<String> own) {
        this.own = own;
    }

    /**
     * @param type a parameter's or return type as declared, unwrapped of {@code ResponseEntity}, {@code Optional}...
     * @return why JSON cannot carry the type (in either direction), one clause naming the type and, for a type found in
     *         a component or field, the path to it ({@code its component Order.lines: ...}); empty when it can
     */
    Optional<String> problem(Type type) {
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
        if (AsyncContractTypes.asynchronous(raw).isPresent()) {
            return Optional.empty(); // its own line names the plain type (AsyncTypes); what it carries is checked on its own
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

    /** An interface that is a function rather than data: {@code Runnable}, {@code java.util.function}, a one-method JDK interface. */
    static boolean functional(Class<?> type) {
        return type.isAnnotationPresent(FunctionalInterface.class) || type == Runnable.class
                || type.getName().startsWith("java.util.function.")
                || Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers())).count() == 1
                        && type.getName().startsWith("java.");
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
