package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import dev.forum.extraction.runtime.topology.Topology;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.instrument.classloading.SimpleThrowawayClassLoader;
import org.springframework.util.ClassUtils;

/**
 * Finds a local managed class that maps a remote module's managed class: one that extends it (directly or through its
 * superclasses), or a persistent field (not static, not {@code transient}, not {@code @Transient}), declared in the
 * class or one of its superclasses (mapped superclasses included), whose type is a remote managed class, or has one as
 * a type argument or array component at any depth ({@code Patient}, {@code List<Patient>}, {@code Map<Long, Patient>},
 * {@code Patient[][]}), or whose relation names one ({@code @ManyToOne(targetEntity = Patient.class)},
 * {@code @ElementCollection(targetClass = ...)}). Such a mapping cannot work here: the remote module's tables are not in
 * this process's schema. The extraction plugin refuses the same at build time ({@code shared-entity}).
 *
 * <p>The classes are loaded through a {@link SimpleThrowawayClassLoader}, never the application's class loader: a
 * class loaded there before the persistence unit is built would miss the JPA provider's class transformer (load-time
 * weaving, Hibernate's bytecode enhancement). Annotations are read by name, so the copies' types do not matter.
 */
final class RemoteEntityMappings {

    private static final String JPA = "jakarta.persistence.";

    /** A relation annotation's attribute that names its target class ({@code void.class} when not given). */
    private static final Map<String, String> TARGETS = Map.of(JPA + "ManyToOne", "targetEntity", JPA + "OneToOne",
            "targetEntity", JPA + "OneToMany", "targetEntity", JPA + "ManyToMany", "targetEntity",
            JPA + "ElementCollection", "targetClass");

    private final Topology topology;
    private final Set<String> remote;
    private final ClassLoader classLoader;

    /**
     * @param topology    this process's topology (names a remote class's module)
     * @param remote      the managed classes of remote modules, left out of the persistence unit
     * @param classLoader the application's (the bean class loader), from which the local managed classes are read
     */
    RemoteEntityMappings(Topology topology, Collection<String> remote, ClassLoader classLoader) {
        this.topology = topology;
        this.remote = Set.copyOf(remote);
        this.classLoader = classLoader;
    }

    /**
     * @param local the local managed classes' names
     * @throws InvalidTopologyException (one line) for the first local class that maps a remote one, naming the class,
     *                                  its superclass or field, the remote class, its module and the fix; or for a
     *                                  local class that cannot be loaded, naming it and the missing class
     */
    void refuseIn(Collection<String> local) {
        ClassLoader throwaway = new SimpleThrowawayClassLoader(classLoader);
        for (String name : local) {
            try {
                refuseIn(ClassUtils.resolveClassName(name, throwaway));
            } catch (LinkageError | IllegalArgumentException ex) {
                throw new InvalidTopologyException("Managed class " + name + " of the persistence unit cannot be loaded ("
                        + missing(ex) + "): add the jar that holds it to this service, or leave " + name
                        + " out of the persistence unit");
            }
        }
    }

    private void refuseIn(Class<?> managed) {
        for (Class<?> type = managed; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type != managed && remote.contains(type.getName())) {
                throw refusal(managed, "extends", type.getName(), "");
            }
            for (Field field : type.getDeclaredFields()) {
                Optional<String> mapped = persistent(field) ? remoteIn(field) : Optional.empty();
                if (mapped.isPresent()) {
                    String declared = type == managed ? "" : ", declared in " + type.getName();
                    throw refusal(managed, "maps", mapped.get(), " (field '" + field.getName() + "'" + declared + ")");
                }
            }
        }
    }

    /** The missing class a load failure names: {@code ClassUtils} wraps the loader's error in its own. */
    private static String missing(Throwable ex) {
        Throwable cause = ex instanceof IllegalArgumentException && ex.getCause() != null ? ex.getCause() : ex;
        return cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError
                ? "class " + String.valueOf(cause.getMessage()).replace('/', '.') + " not found" : cause.toString();
    }

    private InvalidTopologyException refusal(Class<?> managed, String verb, String mapped, String where) {
        String module = topology.metadata().moduleOf(mapped).map(ModuleInfo::name).orElseThrow();
        return new InvalidTopologyException("Managed class " + managed.getName() + " " + verb + " " + mapped
                + ", a managed class of module '" + module + "', which is remote here" + where + ": refer to it by id and"
                + " read it through the HTTP contract of " + module + ", or run " + module + " here too"
                + " (extraction.topology.local-modules)");
    }

    private static boolean persistent(Field field) {
        int modifiers = field.getModifiers();
        if (field.isSynthetic() || Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
            return false;
        }
        for (Annotation annotation : field.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(JPA + "Transient")) {
                return false;
            }
        }
        return true;
    }

    /** The first remote managed class a field maps: through its type, or a relation's target class. */
    private Optional<String> remoteIn(Field field) {
        Optional<String> mapped = remoteIn(field.getType()).or(() -> remoteIn(field.getGenericType()));
        for (Annotation annotation : field.getDeclaredAnnotations()) {
            String attribute = TARGETS.get(annotation.annotationType().getName());
            if (mapped.isEmpty() && attribute != null) {
                mapped = remoteIn(target(annotation, attribute));
            }
        }
        return mapped;
    }

    /** A relation annotation's target class, read by name (the annotation's type may be a throwaway copy). */
    private static Class<?> target(Annotation annotation, String attribute) {
        try {
            return (Class<?>) annotation.annotationType().getMethod(attribute).invoke(annotation);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + annotation, ex);
        }
    }

    /**
     * The first remote managed class a type names: itself, an array's component or a type argument, at any depth. A
     * type variable names none (a field's erased type, checked first, stands for it).
     */
    private Optional<String> remoteIn(Type type) {
        if (type instanceof Class<?> plain) {
            Class<?> element = plain;
            while (element.isArray()) {
                element = element.componentType();
            }
            return remote.contains(element.getName()) ? Optional.of(element.getName()) : Optional.empty();
        }
        if (type instanceof ParameterizedType parameterized) {
            return remoteIn(parameterized.getRawType()).or(() -> first(parameterized.getActualTypeArguments()));
        }
        if (type instanceof GenericArrayType array) {
            return remoteIn(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            return first(wildcard.getUpperBounds()).or(() -> first(wildcard.getLowerBounds()));
        }
        return Optional.empty();
    }

    private Optional<String> first(Type[] types) {
        Optional<String> found = Optional.empty();
        for (int i = 0; found.isEmpty() && i < types.length; i++) {
            found = remoteIn(types[i]);
        }
        return found;
    }
}
