package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which of the application's own exceptions a controller's method can throw, as its compiled code shows: the exception
 * classes whose constructors its code calls, or that it declares in a {@code throws} clause, or that the code of the
 * application's own which it runs does so, followed call by call:
 * <ul>
 * <li>the methods and constructors it calls; for a method, the one its owner declares or inherits, and every override
 * in a subclass of the owner; when the owner is an interface, also every implementation in a class of the
 * application's own that implements the owner or one of its interfaces, so that a call on a Spring Data repository
 * reaches its custom fragment ({@code PersonRepositoryImpl implements PersonRepositoryCustom});</li>
 * <li>the lambdas and method references it holds: ArchUnit counts what a javac lambda's body
 * ({@code lambda$find$0}) calls as calls of its enclosing method, and a Kotlin lambda's method ({@code find$lambda$0},
 * compiled with {@code invokedynamic}, Kotlin 2's default) as a method reference from it, which is followed;</li>
 * <li>every method of an own anonymous or local class whose constructor it calls, or whose static field it reads
 * (Kotlin's {@code INSTANCE} of a lambda that captures nothing): library code calls them, as
 * {@code orElseThrow(new Supplier<>() { ... })} calls {@code get()} and
 * {@code transactionTemplate.execute(new TransactionCallback<>() { ... })} {@code doInTransaction}, and a Kotlin
 * lambda compiled to a class of its own ({@code -Xlambdas=class}; {@code -Xsam-conversions=class} for a Java
 * interface's, as {@code Supplier}) is such a class too.</li>
 * </ul>
 * Code that Spring runs around or beside a call, wherever the call is, counts as reachable from every controller
 * method, with the code it runs in turn: the own methods annotated {@code @EventListener} (a listener of an
 * {@code ApplicationListener}'s {@code onApplicationEvent} too) that run synchronously in the publisher's thread (not
 * {@code @Async}, and a {@code @TransactionalEventListener} only with {@code phase = BEFORE_COMMIT} or
 * {@code fallbackExecution = true}; one named through another annotation counts whatever its phase unless that is
 * {@code @Async} too, as Spring Modulith's {@code @ApplicationModuleListener}), an aspect's advice ({@code @Around},
 * {@code @Before}, {@code @After}, {@code @AfterReturning}, {@code @AfterThrowing}) and a JPA entity callback
 * ({@code @PrePersist}, {@code @PostPersist}, {@code @PreUpdate}, {@code @PostUpdate}, {@code @PreRemove},
 * {@code @PostRemove}, {@code @PostLoad}).
 * <p>
 * So it errs on the side of "can throw": a thrown exception that the code catches itself still counts, as does one
 * thrown by an advice whose pointcut matches no contract method, or by a method of an anonymous class that the library
 * it is handed to never calls.
 * Library code is not followed, so an exception of the application's own that only a library constructs (by
 * reflection) is not seen, nor own code that a library runs for a reason not named above (a
 * {@code BeanPostProcessor}'s proxy, an own named class's method that a library calls on an instance it is handed).
 */
final class ReachableExceptions {

    private static final String EVENT_LISTENER = "org.springframework.context.event.EventListener";
    private static final String TRANSACTIONAL_EVENT_LISTENER = "org.springframework.transaction.event.TransactionalEventListener";
    private static final String APPLICATION_LISTENER = "org.springframework.context.ApplicationListener";
    private static final String ASYNC = "org.springframework.scheduling.annotation.Async";
    private static final List<String> ADVICE = List.of("Around", "Before", "After", "AfterReturning", "AfterThrowing").stream()
            .map(name -> "org.aspectj.lang.annotation." + name).toList();
    private static final List<String> ENTITY_CALLBACKS = List.of("PrePersist", "PostPersist", "PreUpdate", "PostUpdate",
            "PreRemove", "PostRemove", "PostLoad").stream().map(name -> "jakarta.persistence." + name).toList();

    private final Map<String, JavaClass> own = new HashMap<>();
    private final Map<String, Optional<Set<String>>> cache = new HashMap<>();
    private final Map<String, Set<String>> withSpringRun = new HashMap<>();
    private final Map<String, List<JavaClass>> subtypes = new HashMap<>();
    private Set<String> springRun;

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
     * @return the names of the application's own exception classes that the controller's implementation, or the code
     *         Spring runs for any call, can throw, each with the names of all its superclasses and interfaces; empty
     *         when the controller is not among the types or does not implement the method
     */
    Set<String> of(Class<?> controller, Method method) {
        return withSpringRun.computeIfAbsent(key(controller, method), k -> implementation(controller, method).map(thrown -> {
            Set<String> all = new HashSet<>(thrown);
            all.addAll(springRun());
            return Set.copyOf(all);
        }).orElse(Set.of()));
    }

    /**
     * @param controller the controller's class (loaded)
     * @param method     a contract method it implements
     * @return what {@link #of} gives without the code Spring runs for any call: the names of the application's own
     *         exception classes that the controller's implementation and the own code it calls can throw, each with
     *         the names of all its superclasses and interfaces; empty as for {@link #of}
     */
    Set<String> ofImplementation(Class<?> controller, Method method) {
        return implementation(controller, method).orElse(Set.of());
    }

    /** What the controller's implementation can throw; empty when the controller or the implementation is unknown. */
    private Optional<Set<String>> implementation(Class<?> controller, Method method) {
        List<String> parameters = Arrays.stream(method.getParameterTypes()).map(Class::getName).toList();
        return cache.computeIfAbsent(key(controller, method), k -> {
            JavaClass type = own.get(controller.getName());
            if (type == null) {
                return Optional.empty();
            }
            Deque<JavaCodeUnit> open = new ArrayDeque<>();
            type.getAllMethods().stream().filter(m -> m.getName().equals(method.getName()) && names(m).equals(parameters))
                    .filter(m -> !m.getModifiers().contains(JavaModifier.ABSTRACT))
                    .forEach(open::add);
            return open.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(walk(open)));
        });
    }

    private static String key(Class<?> controller, Method method) {
        return controller.getName() + "#" + method.getName() + Arrays.toString(method.getParameterTypes());
    }

    /** What the code Spring runs beside any call (listeners, advice, entity callbacks) can throw, walked once. */
    private Set<String> springRun() {
        if (springRun == null) {
            Deque<JavaCodeUnit> open = new ArrayDeque<>();
            own.values().stream().flatMap(type -> type.getMethods().stream()).filter(ReachableExceptions::runBySpring).forEach(open::add);
            springRun = walk(open);
        }
        return springRun;
    }

    /** Whether Spring runs the method beside any call, as the class doc lists (not an ApplicationListener's bridge method). */
    static boolean runBySpring(JavaMethod method) {
        if (ADVICE.stream().anyMatch(method::isAnnotatedWith) || ENTITY_CALLBACKS.stream().anyMatch(method::isAnnotatedWith)) {
            return true;
        }
        boolean listener = method.isMetaAnnotatedWith(EVENT_LISTENER) || method.getName().equals("onApplicationEvent")
                && method.getOwner().isAssignableTo(APPLICATION_LISTENER) && !method.getModifiers().contains(JavaModifier.BRIDGE);
        if (!listener || method.isMetaAnnotatedWith(ASYNC) || method.getOwner().isMetaAnnotatedWith(ASYNC)) {
            return false;
        }
        if (!method.isMetaAnnotatedWith(TRANSACTIONAL_EVENT_LISTENER)) {
            return true;
        }
        return method.tryGetAnnotationOfType(TRANSACTIONAL_EVENT_LISTENER).map(ReachableExceptions::synchronous).orElse(true);
    }

    /** Whether a {@code @TransactionalEventListener} runs before the publisher's call returns. */
    private static boolean synchronous(JavaAnnotation<?> annotation) {
        boolean beforeCommit = annotation.get("phase").filter(JavaEnumConstant.class::isInstance)
                .map(phase -> ((JavaEnumConstant) phase).name().equals("BEFORE_COMMIT")).orElse(false);
        return beforeCommit || annotation.get("fallbackExecution").map(Boolean.TRUE::equals).orElse(false);
    }

    private Set<String> walk(Deque<JavaCodeUnit> open) {
        Set<JavaCodeUnit> seen = new HashSet<>(); // the units themselves: a bridge method has its target's full name
        Set<String> thrown = new TreeSet<>();
        while (!open.isEmpty()) {
            JavaCodeUnit unit = open.pop();
            if (!seen.add(unit)) {
                continue;
            }
            unit.getExceptionTypes().stream().filter(t -> own.containsKey(t.getName())).forEach(t -> addWithSupertypes(t, thrown));
            for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
                JavaClass owner = access.getTargetOwner();
                if (!own.containsKey(owner.getName())) {
                    continue;
                }
                if (handedOn(access, owner, unit.getOwner())) {
                    open.addAll(own.get(owner.getName()).getMethods());
                }
                if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                    continue;
                }
                if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME) && owner.isAssignableTo(Throwable.class)) {
                    addWithSupertypes(owner, thrown);
                }
                implementations(owner, target.getName(), names(target)).forEach(open::push);
            }
        }
        return thrown;
    }

    /**
     * Whether the access makes an instance of an own anonymous or local class, which the code may hand to a library
     * that calls its methods: a call of its constructor, or a read of its static field (Kotlin's {@code INSTANCE}),
     * from outside the class.
     */
    private static boolean handedOn(JavaAccess<?> access, JavaClass owner, JavaClass from) {
        if (!(owner.isAnonymousClass() || owner.isLocalClass()) || owner.getName().equals(from.getName())) {
            return false;
        }
        return access.getTarget() instanceof AccessTarget.ConstructorCallTarget
                || access.getTarget() instanceof AccessTarget.FieldAccessTarget field
                        && field.resolveMember().map(f -> f.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
    }

    /**
     * The code that a call of the owner's code unit may run: a constructor of the owner itself; a method of the owner
     * or one it inherits, every override in a class of the application's own assignable to the owner and, when the
     * owner is an interface, every implementation in a class assignable to one of the owner's interfaces.
     */
    private List<JavaCodeUnit> implementations(JavaClass owner, String name, List<String> parameters) {
        Set<JavaClass> classes = new HashSet<>();
        classes.add(owner);
        if (!name.equals(JavaConstructor.CONSTRUCTOR_NAME)) {
            classes.addAll(owner.getAllRawSuperclasses());
            classes.addAll(owner.getAllRawInterfaces());
            classes.addAll(subtypes(owner));
            if (owner.isInterface()) {
                owner.getAllRawInterfaces().stream().filter(i -> own.containsKey(i.getName())).forEach(i -> classes.addAll(subtypes(i)));
            }
        }
        return classes.stream().filter(c -> own.containsKey(c.getName())).flatMap(c -> c.getCodeUnits().stream())
                .filter(u -> u.getName().equals(name) && names(u).equals(parameters)).toList();
    }

    private List<JavaClass> subtypes(JavaClass type) {
        return subtypes.computeIfAbsent(type.getName(), o -> own.values().stream().filter(c -> c.isAssignableTo(o)).toList());
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
