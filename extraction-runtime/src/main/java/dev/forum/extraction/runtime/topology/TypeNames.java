package dev.forum.extraction.runtime.topology;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Types recognised by name: the checks of contracts that both the run time and the extraction plugin make read a type
 * by the names of its supertypes, so that they need nothing but the JDK (the plugin runs them where the application's
 * own Spring, Reactor or Kotlin is loaded, or is not on the class path at all).
 */
public final class TypeNames {

    private TypeNames() {
    }

    /**
     * @param type any class or interface
     * @return the binary names ({@link Class#getName()}) of the type itself, every superclass and every interface it
     *         implements or extends, directly or not; never empty
     */
    public static Set<String> supertypes(Class<?> type) {
        Set<String> names = new HashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>();
        next.add(type);
        while (!next.isEmpty()) {
            Class<?> current = next.poll();
            if (names.add(current.getName())) {
                if (current.getSuperclass() != null) {
                    next.add(current.getSuperclass());
                }
                next.addAll(Arrays.asList(current.getInterfaces()));
            }
        }
        return names;
    }
}
