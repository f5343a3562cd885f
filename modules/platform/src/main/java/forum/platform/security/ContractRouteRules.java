package forum.platform.security;

import forum.platform.RouteAccess;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The security rule of every route of every module's contract, read from the contract itself: its
 * {@code @HttpExchange} method and path and its {@link RouteAccess}. The same rules hold in every process, for
 * local and remote modules alike.
 */
final class ContractRouteRules {

    /** One route and who may call it; {@code path} is a Spring path pattern such as {@code /api/users/{id}}. */
    record Rule(String module, HttpMethod method, String path, RouteAccess.Caller caller) {
    }

    private ContractRouteRules() {
    }

    /**
     * @throws IllegalStateException if a route of a contract does not say who may call it
     */
    static List<Rule> of(Iterable<ModuleContract> contracts) {
        List<Rule> rules = new ArrayList<>();
        List<String> unsaid = new ArrayList<>();
        for (ModuleContract contract : contracts) {
            for (Method method : contract.api().getMethods()) {
                HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                if (exchange == null) {
                    continue;
                }
                RouteAccess access = method.getAnnotation(RouteAccess.class);
                if (access == null) {
                    unsaid.add(contract.api().getSimpleName() + "." + method.getName());
                    continue;
                }
                String path = contract.path() + exchange.url();
                rules.add(new Rule(contract.name(), HttpMethod.valueOf(exchange.method()), path, access.value()));
            }
        }
        if (!unsaid.isEmpty()) {
            throw new IllegalStateException("Routes that do not say who may call them (add @RouteAccess): "
                    + String.join(", ", unsaid.stream().sorted().toList()));
        }
        // Literal paths before patterns, as Spring MVC chooses: /api/users/login is not /api/users/{id}.
        rules.sort(Comparator.comparing((Rule rule) -> rule.path().contains("{")).thenComparing(Rule::path));
        return rules;
    }
}
