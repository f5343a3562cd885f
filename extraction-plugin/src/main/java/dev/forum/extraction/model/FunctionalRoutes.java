package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warning for a module that serves functional endpoints (a Spring WebFlux or Spring MVC {@code RouterFunction}) in a
 * service other than the monolith. Their paths are built by code when the application starts, so the plugin cannot
 * read them; the load balancer sends a service only the paths below its modules' route prefixes
 * ({@link HttpDeclarations#route}), so a functional route outside them reaches the monolith, where the module does not
 * run. A module's prefix is declared the way the plugin reads one: the class-level {@code @HttpExchange} of an interface
 * of its published API (an HTTP contract, which needs no method), else the class-level {@code @RequestMapping} of its
 * controllers. A warning, not a refusal: the module may well serve only below its prefix.
 */
public final class FunctionalRoutes {

    private FunctionalRoutes() {
    }

    /**
     * @param model   the application's modules
     * @param service how the line names the service ({@code sales}, {@code Module 'events' alone})
     * @param modules the service's own modules
     * @return one line per module of the service that declares a router function, in the modules' order: the module,
     *         each class and method declaring one, what the load balancer sends the service of it and what to do; empty
     *         when none does
     */
    public static List<String> warnings(ModulithModel model, String service, List<String> modules) {
        List<String> lines = new ArrayList<>();
        for (String module : modules) {
            Map<String, List<String>> declared = model.routerFunctionsOf(module);
            if (declared.isEmpty()) {
                continue;
            }
            String start = service + ": module " + module + " serves functional endpoints (a RouterFunction declared by "
                    + String.join(", ", declaredBy(model, module)) + "), whose paths the plugin cannot read from the code";
            Optional<String> prefix = Optional.ofNullable(HttpDeclarations.of(model, module).route().prefix());
            String example = "/api/" + module;
            if (prefix.isPresent()) {
                lines.add(start + ": the load balancer sends " + service + " only " + prefix.get() + " and " + prefix.get()
                        + "/* for " + module + ", so a functional route outside them reaches the monolith, where " + module
                        + " does not run; keep its paths below " + prefix.get());
            } else {
                lines.add(start + ", and " + module + " has no route prefix, so the load balancer gets no rule for them and"
                        + " sends their requests to the monolith, where " + module + " does not run: declare the prefix its"
                        + " routes lie below on an interface of its published API, @HttpExchange(\"" + example + "\")"
                        + " (no method needed; the load balancer then sends " + example + " and " + example + "/* to "
                        + service + "), or serve them from a @RestController with a class-level @RequestMapping, or keep "
                        + module + " in the monolith");
            }
        }
        return lines;
    }

    /**
     * Where {@code module} declares its router functions, as the warnings name them: each {@code @Bean} method as
     * {@code <class>.<method>()}, a class that is a router function itself by its name; in class and method order,
     * empty when it declares none.
     */
    public static List<String> declaredBy(ModulithModel model, String module) {
        List<String> where = new ArrayList<>();
        model.routerFunctionsOf(module).forEach((type, methods) -> methods.forEach(method -> where.add(method.isEmpty()
                ? type : type + "." + method + "()")));
        return where;
    }
}
