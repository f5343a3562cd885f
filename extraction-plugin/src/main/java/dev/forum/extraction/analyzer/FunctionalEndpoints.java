package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the application declares functional endpoints: Spring WebFlux's
 * {@code org.springframework.web.reactive.function.server.RouterFunction} or Spring MVC's
 * {@code org.springframework.web.servlet.function.RouterFunction}. Their paths are built by code at start
 * ({@code RouterFunctions.route().GET("/api/events/stats", ...)}), so no class file says them; what is found is where
 * they are declared, for the plugin to warn that the load balancer gets no rule for them.
 */
final class FunctionalEndpoints {

    /** The two router function types, by name: the application may have either, or neither. */
    static final List<String> ROUTER_FUNCTIONS = List.of("org.springframework.web.reactive.function.server.RouterFunction",
            "org.springframework.web.servlet.function.RouterFunction");

    private FunctionalEndpoints() {
    }

    /**
     * @param types the modules' classes
     * @return each class that declares a method returning a router function (a {@code @Bean} method, usually) to those
     *         methods' names, sorted; a class that is a router function itself lists {@code ""}; classes in name order,
     *         none when there is no functional endpoint
     */
    static Map<String, List<String>> find(Collection<JavaClass> types) {
        Map<String, List<String>> found = new TreeMap<>();
        for (JavaClass type : types) {
            List<String> methods = new ArrayList<>();
            if (!type.isInterface() && routerFunction(type)) {
                methods.add("");
            }
            for (JavaMethod method : type.getMethods()) {
                if (routerFunction(method.getRawReturnType()) && !methods.contains(method.getName())) {
                    methods.add(method.getName());
                }
            }
            if (!methods.isEmpty()) {
                found.put(type.getName(), methods.stream().sorted().toList());
            }
        }
        return found;
    }

    private static boolean routerFunction(JavaClass type) {
        return ROUTER_FUNCTIONS.stream().anyMatch(name -> type.getName().equals(name) || type.isAssignableTo(name));
    }
}
