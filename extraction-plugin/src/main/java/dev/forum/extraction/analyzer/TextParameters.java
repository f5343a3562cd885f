package dev.forum.extraction.analyzer;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What travels as text in a URL or a header ({@code @PathVariable}, {@code @RequestParam}, {@code @RequestHeader},
 * {@code @CookieValue}): the types Spring can make from a String. Used by {@link ContractTypes}; only what certainly
 * fails is refused, since the JDK's and libraries' classes may have converters or property editors.
 */
final class TextParameters {

    private TextParameters() {
    }

    /**
     * @param type the parameter's type, possibly a collection, {@code Optional} or array of what travels
     * @param own  whether a class is the application's own (whose ways to be made from a String are looked for)
     * @return why Spring cannot convert it from text, or empty when it can (or might)
     */
    static Optional<String> text(Type type, Predicate<String> own) {
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
            String what = !raw.isInterface() ? "an abstract class"
                    : JsonDataTypes.functional(raw) ? "an interface, a function rather than data," : "an interface";
            return Optional.of(raw.getName() + " is " + what + " that Spring cannot make from the text of a URL or header");
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
}
