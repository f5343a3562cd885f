package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.junit.jupiter.api.Test;

/**
 * Spring's HTTP client joins a class-level url ending in '/' and a method's path starting with one as written
 * ({@code /api/orders/} and {@code /{id}}: {@code /api/orders//{id}}), which the load balancer refuses; the other joins
 * are whole paths.
 */
class ContractPathsTest {

    @HttpExchange("/api/orders/")
    interface OrdersApi {
        @GetExchange
        String all();

        @GetExchange("/{id}")
        String one(@PathVariable String id);

        @GetExchange("lines/{id}")
        String line(@PathVariable String id);

        @PostExchange(url = "/{id}/cancel")
        void cancel(@PathVariable String id);
    }

    @HttpExchange("/api/orders")
    interface WithoutTrailingSlash {
        @GetExchange("/{id}")
        String one(@PathVariable String id);
    }

    @Test
    void eachMethodWhoseClientPathHoldsAnEmptySegmentIsOneProblemSayingTheFix() {
        List<ContractTypes.Problem> problems = ContractPaths.problems(OrdersApi.class);
        assertEquals(List.of("cancel", "one"), problems.stream().map(ContractTypes.Problem::method).toList());
        ContractTypes.Problem one = problems.get(1);
        assertEquals("path", one.part());
        assertEquals("@HttpExchange(\"/api/orders/\") and \"/{id}\"", one.type());
        assertEquals("Spring's HTTP client joins the two as /api/orders//{id}, whose empty segment ('//') the load"
                + " balancer refuses as a non-canonical path", one.problem());
        assertEquals("drop the trailing '/' of the class-level @HttpExchange(\"/api/orders/\") of OrdersApi (Spring MVC"
                + " serves the same routes without it)", one.fix());
        assertEquals("Spring's HTTP client joins the two as /api/orders//{id}/cancel, whose empty segment ('//') the load"
                + " balancer refuses as a non-canonical path", problems.get(0).problem());
    }

    @Test
    void aClassLevelUrlWithoutTrailingSlashJoinsEveryPathWhole() {
        assertEquals(List.of(), ContractPaths.problems(WithoutTrailingSlash.class));
    }
}
