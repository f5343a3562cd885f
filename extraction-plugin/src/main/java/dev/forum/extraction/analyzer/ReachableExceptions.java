package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which of the application's own exceptions a controller's method can throw, as its compiled code shows: the exception
 * classes whose constructors the method's code calls, or the code of the application's own that it calls in turn
 * (methods, constructors, their lambdas and method references, every override of a method called on an interface or
 * superclass), or that such code declares in a {@code throws} clause. Library code is not followed, so an exception
 * of the application's own that only a library constructs (by reflection) is not seen. It errs on the side of "can
 * throw": a thrown exception that the code catches itself still counts.
 */
final class ReachableExceptions {

    private final Map<String, JavaClass> own = new HashMap<>();
    private final Map<String, Set<String>> cache = new HashMap<>();
    private final Map<String, List<JavaClass>> subtypes = new HashMap<>();

    /**
     * @param types the application's classes, as ArchUnit imported them
     * @param own   whether a class is the application's own (its root packages): only these are followed
     */
    ReachableExceptions(Collection<JavaClass> types, Predicate<String> own) {
        types.stream().filter(type -> own.test(type.getName())).forEach(type -> this.own.put(type.getName(), type));
    }

    /**
     * @param controller the controller's class (loaded)
     * @param method     a contract method it implements
     * @return the names of the application's own exception classes that the controller's implementation can throw,
     *         each with the names of all its superclasses and interfaces; empty when the controller is not among
     *         the types or does not implement the method
     */
    Set<String> of(Class<?> controller, Method method) {
        List<String> parameters = Arrays.stream(method.getParameterTypes()).map(Class::getName).toList();
        String key = controller.getName() + "#" + method.getName() + parameters;
        return cache.computeIfAbsent(key, k -> {
            JavaClass type = own.get(controller.getName());
            if (type == null) {
                return Set.of();
            }
            Deque<JavaCodeUnit> open = new ArrayDeque<>();
            type.getAllMethods().stream().filter(m -> m.getName().equals(method.getName()) && names(m).equals(parameters))
                    .filter(m -> !m.getModifiers().contains(JavaModifier.ABSTRACT))
                    .forEach(open::add);
            return Set.copyOf(walk(open));
        });
    }

    private Set<String> walk(Deque<JavaCodeUnit> open) {
        Set<String> seen = new HashSet<>();
        Set<String> thrown = new TreeSet<>();
        while (!open.isEmpty()) {
            JavaCodeUnit unit = open.pop();
            if (!seen.add(unit.getFullName())) {
                continue;
            }
            unit.getExceptionTypes().stream().filter(t -> own.containsKey(t.getName())).forEach(t -> addWithSupertypes(t, thrown));
            for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
                if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                    continue;
                }
                JavaClass owner = target.getOwner();
                if (!own.containsKey(owner.getName())) {
                    continue;
                }
                if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME) && owner.isAssignableTo(Throwable.class)) {
                    addWithSupertypes(owner, thrown);
                }
                implementations(owner, target.getName(), names(target)).forEach(open::push);
            }
            // A lambda's body is a synthetic method of its class (lambda$<enclosing>$N), reached by invokedynamic.
            String enclosing = unit.isConstructor() ? "new" : unit.getName();
            unit.getOwner().getCodeUnits().stream()
                    .filter(u -> u.getName().startsWith("lambda$" + enclosing + "$")).forEach(open::push);
        }
        return thrown;
    }

    /**
     * The code that a call of the owner's code unit may run: a constructor of the owner itself; a method of the owner
     * or one it inherits, and every override in a class of the application's own assignable to the owner.
     */
    private List<JavaCodeUnit> implementations(JavaClass owner, String name, List<String> parameters) {
        Set<JavaClass> classes = new HashSet<>();
        classes.add(owner);
        if (!name.equals(JavaConstructor.CONSTRUCTOR_NAME)) {
            classes.addAll(owner.getAllRawSuperclasses());
            classes.addAll(owner.getAllRawInterfaces());
            classes.addAll(subtypes.computeIfAbsent(owner.getName(),
                    o -> own.values().stream().filter(c -> c.isAssignableTo(o)).toList()));
        }
        return classes.stream().filter(c -> own.containsKey(c.getName())).flatMap(c -> c.getCodeUnits().stream())
                .filter(u -> u.getName().equals(name) && names(u).equals(parameters)).toList();
    }

    private static void addWithSupertypes(JavaClass type, Set<String> names) {
        names.add(type.getName());
        type.getAllRawSuperclasses().forEach(t -> names.add(t.getName()));
        type.getAllRawInterfaces().forEach(t -> names.add(t.getName()));
    }

    private static List<String> names(JavaCodeUnit unit) {
        return unit.getRawParameterTypes().stream().map(JavaClass::getName).toList();
    }

    private static List<String> names(AccessTarget.CodeUnitAccessTarget target) {
        return target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
    }
}
