package dev.forum.extraction.analyzer;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Jackson sees of an application class, read by reflection with no Jackson on the class path: its properties, and
 * the annotations (Jackson 2's {@code com.fasterxml.jackson.annotation} or databind, or Jackson 3's, found by name) that
 * tell it what to build or to leave out. Used by {@link ContractTypes}.
 */
final class JacksonProperties {

    private static final Set<String> JACKSON_PACKAGES = Set.of("com.fasterxml.jackson.annotation.",
            "com.fasterxml.jackson.databind.annotation.", "tools.jackson.annotation.", "tools.jackson.databind.annotation.");

    private JacksonProperties() {
    }

    /**
     * @param type a class, field, record component or method
     * @return whether it is annotated so that Jackson knows what to build: a type id, subtypes, or a deserializer or
     *         concrete type of its own
     */
    static boolean polymorphic(AnnotatedElement type) {
        for (Annotation annotation : type.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (JACKSON_PACKAGES.stream().noneMatch(name::startsWith)) {
                continue;
            }
            String simple = annotation.annotationType().getSimpleName();
            if (simple.equals("JsonTypeInfo") || simple.equals("JsonSubTypes") || simple.equals("JsonTypeIdResolver")) {
                return true;
            }
            if (simple.equals("JsonDeserialize")) {
                for (String attribute : List.of("as", "using", "builder", "contentAs", "contentUsing")) {
                    if (set(annotation, attribute)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** An annotation's class attribute set to something else than its default ({@code Void}, a {@code None}). */
    private static boolean set(Annotation annotation, String attribute) {
        try {
            Object value = annotation.annotationType().getMethod(attribute).invoke(annotation);
            return value instanceof Class<?> c && c != Void.class && c != void.class && !c.getSimpleName().equals("None");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean ignored(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations()).map(a -> a.annotationType().getName())
                .anyMatch(n -> n.endsWith(".JsonIgnore") && JACKSON_PACKAGES.stream().anyMatch(n::startsWith))
                || polymorphic(element);
    }

    /**
     * What Jackson reads and writes of an application class.
     *
     * @param raw a record or class
     * @return its record components, or its fields Jackson sees (public, or with a public getter or setter; not static,
     *         transient or ignored), each name to its declared type, in declaration order
     */
    static Map<String, Type> of(Class<?> raw) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (!ignored(component) && !ignoredField(raw, component.getName())) {
                    properties.put(component.getName(), component.getGenericType());
                }
            }
            return properties;
        }
        for (Class<?> c = raw; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic() || ignored(field)
                        || !(Modifier.isPublic(modifiers) || accessor(raw, field.getName())) || properties.containsKey(field.getName())) {
                    continue;
                }
                properties.put(field.getName(), field.getGenericType());
            }
        }
        return properties;
    }

    private static boolean ignoredField(Class<?> record, String name) {
        try {
            return ignored(record.getDeclaredField(name));
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** A public getter or setter of the field, which Jackson uses. */
    private static boolean accessor(Class<?> raw, String field) {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return Arrays.stream(raw.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .anyMatch(m -> (m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix)) && m.getParameterCount() == 0
                        && !ignored(m) || m.getName().equals("set" + suffix) && m.getParameterCount() == 1 && !ignored(m));
    }
}
