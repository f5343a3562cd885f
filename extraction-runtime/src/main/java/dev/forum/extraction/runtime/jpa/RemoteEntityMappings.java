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
import java.util.Optional;
import java.util.Set;
import org.springframework.util.ClassUtils;

/**
 * Finds a local managed class that maps a remote module's managed class: a persistent field (not static, not
 * {@code transient}, not {@code @Transient}), declared in the class or one of its superclasses (mapped superclasses
 * included), whose type is a remote managed class, or has one as a type argument or array component
 * ({@code Patient}, {@code List<Patient>}, {@code Map<Long, Patient>}, {@code Patient[]}). Such a mapping cannot work
 * here: the remote module's tables are not in this process's schema. The extraction plugin refuses the same at build
 * time ({@code shared-entity}).
 */
final class RemoteEntityMappings {

    private static final String TRANSIENT = "jakarta.persistence.Transient";

    private final Topology topology;
    private final Set<String> remote;
    private final ClassLoader classLoader;

    /**
     * @param topology    this process's topology (names a remote class's module)
     * @param remote      the managed classes of remote modules, left out of the persistence unit
     * @param classLoader the application's (the bean class loader), to load the local managed classes
     */
    RemoteEntityMappings(Topology topology, Collection<String> remote, ClassLoader classLoader) {
        this.topology = topology;
        this.remote = Set.copyOf(remote);
        this.classLoader = classLoader;
    }

    /**
     * @param local the local managed classes' names
     * @throws InvalidTopologyException (one line) for the first local class that maps a remote one, naming the class,
     *                                  its field, the remote class, its module and the fix
     */
    void refuseIn(Collection<String> local) {
        for (String name : local) {
            Class<?> managed = ClassUtils.resolveClassName(name, classLoader);
            for (Class<?> type = managed; type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (persistent(field)) {
                        Optional<String> mapped = remoteIn(field.getType()).or(() -> remoteIn(field.getGenericType()));
                        if (mapped.isPresent()) {
                            throw refusal(managed, field, mapped.get());
                        }
                    }
                }
            }
        }
    }

    private InvalidTopologyException refusal(Class<?> managed, Field field, String mapped) {
        String module = topology.metadata().moduleOf(mapped).map(ModuleInfo::name).orElseThrow();
        String declared = field.getDeclaringClass() == managed ? "" : ", declared in " + field.getDeclaringClass().getName();
        return new InvalidTopologyException("Entity " + managed.getName() + " maps " + mapped + ", an entity of module '"
                + module + "', which is remote here (field '" + field.getName() + "'" + declared + "): refer to it by id and"
                + " read it through the HTTP contract of " + module + ", or run " + module + " here too"
                + " (extraction.topology.local-modules)");
    }

    private static boolean persistent(Field field) {
        int modifiers = field.getModifiers();
        if (field.isSynthetic() || Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
            return false;
        }
        for (Annotation annotation : field.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(TRANSIENT)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first remote managed class a type names: itself, an array's component or a type argument, at any depth. A
     * type variable names none (a field's erased type, checked first, stands for it).
     */
    private Optional<String> remoteIn(Type type) {
        if (type instanceof Class<?> plain) {
            Class<?> element = plain.isArray() ? plain.componentType() : plain;
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
