package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
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

    /** The class-level url comes from a super-interface, as Spring's client finds it. */
    interface InheritedOrdersApi extends Marker, OrdersApi {
        @GetExchange("/{id}/lines")
        String lines(@PathVariable String id);
    }

    interface Marker {
    }

    /** Its own class-level url wins over the super-interface's, as in Spring. */
    @HttpExchange("/api/orders")
    interface OverridingOrdersApi extends OrdersApi {
    }

    @Test
    void eachMethodWhoseClientPathHoldsAnEmptySegmentIsOneJoinOfTheTwoPathsAsWritten() {
        assertEquals(List.of(new ContractPaths.Join("cancel", "/api/orders/", "/{id}/cancel"),
                new ContractPaths.Join("one", "/api/orders/", "/{id}")), ContractPaths.problems(OrdersApi.class));
    }

    @Test
    void aClassLevelUrlInheritedFromASuperInterfaceIsReadAsSpringReadsIt() {
        assertEquals("/api/orders/", AnnotatedElementUtils.findMergedAnnotation(InheritedOrdersApi.class,
                HttpExchange.class).url());
        assertEquals(List.of(new ContractPaths.Join("cancel", "/api/orders/", "/{id}/cancel"),
                new ContractPaths.Join("lines", "/api/orders/", "/{id}/lines"),
                new ContractPaths.Join("one", "/api/orders/", "/{id}")), ContractPaths.problems(InheritedOrdersApi.class));
    }

    @Test
    void theContractsOwnClassLevelUrlWinsOverASuperInterfaces() {
        assertEquals("/api/orders", AnnotatedElementUtils.findMergedAnnotation(OverridingOrdersApi.class,
                HttpExchange.class).value());
        assertEquals(List.of(), ContractPaths.problems(OverridingOrdersApi.class));
    }

    @Test
    void aClassLevelUrlWithoutTrailingSlashJoinsEveryPathWhole() {
        assertEquals(List.of(), ContractPaths.problems(WithoutTrailingSlash.class));
    }

    /**
     * The route prefix is read by the same lookup as the client's path ({@code ModulithAnalyzer}): the inherited url, a
     * contract's own one over it, and none when nothing in the hierarchy carries the annotation.
     */
    @Test
    void theClassLevelUrlIsFoundOnTheContractElseOnItsSuperInterfaces() {
        String exchange = HttpExchange.class.getName();
        assertEquals(Optional.of("/api/orders/"), ContractPaths.classUrl(InheritedOrdersApi.class, exchange));
        assertEquals(Optional.of("/api/orders"), ContractPaths.classUrl(OverridingOrdersApi.class, exchange));
        assertEquals(Optional.empty(), ContractPaths.classUrl(Marker.class, exchange));
    }
}
