package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every method of the application's modules that listens to an event in process, and which of the application's event
 * classes it receives. Spring delivers an event to every listener whose declared type the event's class is assignable
 * to, so a listener of an interface, a superclass, {@code ApplicationEvent} or {@code Object} receives events it never
 * names; a {@code PayloadApplicationEvent<X>} parameter (or {@code ApplicationListener<PayloadApplicationEvent<X>>})
 * receives X.
 *
 * <p>In: the classes of every module and the event classes Spring Modulith saw published. Out: one JSON map per
 * listened type: {@code event} (the declared type, a payload unwrapped), {@code listener}, {@code method} and
 * {@code receives}, the application classes it receives: the published events and the modules' concrete classes
 * assignable to the type, and the type itself. A type that receives every event ({@code Object},
 * {@code ApplicationEvent} and any other supertype of {@code PayloadApplicationEvent}) receives the application's
 * events as {@link #events()} finds them, not every module class.
 * Assignability is read with reflection on the application's class path; a class that cannot be loaded falls back to
 * ArchUnit's view of its hierarchy.
 */
final class EventListeners {

    private static final String EVENT_LISTENER = "org.springframework.context.event.EventListener";
    private static final String APPLICATION_LISTENER = "org.springframework.context.ApplicationListener";
    private static final String APPLICATION_EVENT = "org.springframework.context.ApplicationEvent";
    private static final String PAYLOAD = "org.springframework.context.PayloadApplicationEvent";

    private final Collection<JavaClass> types;
    private final Collection<JavaClass> published;
    private final Set<String> names = new HashSet<>();
    private final Map<String, Optional<Class<?>>> loaded = new HashMap<>();
    private TreeSet<String> events;

    /**
     * @param types     every class of the application's modules
     * @param published every event class Spring Modulith saw a module publish
     */
    EventListeners(Collection<JavaClass> types, Collection<JavaClass> published) {
        this.types = types;
        this.published = published;
        types.forEach(t -> names.add(t.getName()));
    }

    /** The listeners, as described on the class. */
    List<Object> find() {
        List<Object> listeners = new ArrayList<>();
        for (JavaClass type : types) {
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(EVENT_LISTENER) || method.isMetaAnnotatedWith(EVENT_LISTENER)) {
                    listenedBy(method).forEach(event -> listeners.add(listener(event, type, method.getName())));
                }
            }
            applicationListenerType(type).ifPresent(event -> listeners.add(listener(event, type, "onApplicationEvent")));
        }
        return listeners;
    }

    /** The types an {@code @EventListener} method listens to: its {@code classes} (or {@code value}), else its parameter. */
    private static List<String> listenedBy(JavaMethod method) {
        List<String> events = new ArrayList<>();
        method.getAnnotations().stream()
                .filter(a -> a.getRawType().getName().equals(EVENT_LISTENER) || a.getRawType().isMetaAnnotatedWith(EVENT_LISTENER))
                .forEach(a -> classes(a, events));
        if (events.isEmpty() && !method.getParameterTypes().isEmpty()) {
            events.add(unwrapped(method.getParameterTypes().get(0)));
        }
        return events.stream().distinct().toList();
    }

    private static void classes(JavaAnnotation<?> annotation, List<String> events) {
        for (String attribute : List.of("classes", "value")) {
            annotation.get(attribute).filter(v -> v instanceof JavaClass[]).map(v -> (JavaClass[]) v)
                    .ifPresent(classes -> { for (JavaClass c : classes) { events.add(c.getName()); } });
        }
    }

    /**
     * The event type of an {@code ApplicationListener} implemented by the class or a superclass: its type argument, or
     * {@code ApplicationEvent} when Spring decides at run time (raw, a type variable, or a sub-interface such as
     * {@code GenericApplicationListener}), so that it is taken to receive every event.
     */
    private static Optional<String> applicationListenerType(JavaClass type) {
        if (type.isInterface() || !type.isAssignableTo(APPLICATION_LISTENER)) {
            return Optional.empty();
        }
        for (JavaClass declaring = type; declaring != null; declaring = declaring.getRawSuperclass().orElse(null)) {
            for (JavaType implemented : declaring.getInterfaces()) {
                if (implemented.toErasure().getName().equals(APPLICATION_LISTENER) && implemented instanceof JavaParameterizedType generic
                        && !generic.getActualTypeArguments().isEmpty()) {
                    return Optional.of(unwrapped(generic.getActualTypeArguments().get(0)));
                }
            }
        }
        return Optional.of(APPLICATION_EVENT);
    }

    /** A declared event type's class: X for {@code PayloadApplicationEvent<X>}, the bound of a type variable. */
    private static String unwrapped(JavaType declared) {
        if (declared instanceof JavaParameterizedType generic && declared.toErasure().getName().equals(PAYLOAD)
                && !generic.getActualTypeArguments().isEmpty()) {
            return generic.getActualTypeArguments().get(0).toErasure().getName();
        }
        return declared.toErasure().getName();
    }

    private Map<String, Object> listener(String event, JavaClass type, String method) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", event);
        json.put("listener", type.getName());
        json.put("method", method);
        json.put("receives", new ArrayList<>(receives(event)));
        return json;
    }

    /** The application classes a listener of {@code event} receives (see the class comment). */
    private TreeSet<String> receives(String event) {
        if (assignable(PAYLOAD, null, event)) {
            return events();
        }
        TreeSet<String> received = new TreeSet<>(List.of(event));
        published.stream().filter(p -> assignable(p.getName(), p, event)).forEach(p -> received.add(p.getName()));
        types.stream().filter(t -> concrete(t) && assignable(t.getName(), t, event)).forEach(t -> received.add(t.getName()));
        return received;
    }

    /**
     * What a listener of every event receives: the events Spring Modulith saw published (it sees few), the modules'
     * {@code ApplicationEvent}s, and each module class made in a method that publishes an event (where Spring's
     * {@code publishEvent(new X(...))} leaves its mark), conservatively.
     */
    private TreeSet<String> events() {
        if (events == null) {
            events = new TreeSet<>();
            published.forEach(p -> events.add(p.getName()));
            for (JavaClass type : types) {
                if (concrete(type) && assignable(type.getName(), type, APPLICATION_EVENT)) {
                    events.add(type.getName());
                }
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    // Any publishEvent, not only ApplicationEventPublisher's: a wrapper of it counts too.
                    if (unit.getMethodCallsFromSelf().stream().anyMatch(c -> c.getName().equals("publishEvent"))) {
                        unit.getConstructorCallsFromSelf().stream().map(c -> c.getTargetOwner())
                                .filter(made -> names.contains(made.getName()) && concrete(made)).forEach(made -> events.add(made.getName()));
                    }
                }
            }
        }
        return events;
    }

    private static boolean concrete(JavaClass type) {
        return !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT);
    }

    /** Whether class {@code name} (its ArchUnit view, if any) can be assigned to {@code target}. */
    private boolean assignable(String name, JavaClass view, String target) {
        if (name.equals(target) || "java.lang.Object".equals(target)) {
            return true;
        }
        Optional<Class<?>> source = load(name);
        Optional<Class<?>> to = load(target);
        if (source.isPresent() && to.isPresent()) {
            return to.get().isAssignableFrom(source.get());
        }
        return view != null && view.isAssignableTo(target);
    }

    private Optional<Class<?>> load(String name) {
        return loaded.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n, false, EventListeners.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        });
    }
}
