package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Where functional endpoints are declared, WebFlux's and Spring MVC's: found in the bytecode, by their types. */
class FunctionalEndpointsTest {

    /** A WebFlux configuration, as user10's events module declares its one route. */
    static class ReactiveRoutes {
        org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> routes() {
            return org.springframework.web.reactive.function.server.RouterFunctions.route()
                    .GET("/api/events/stats", request -> org.springframework.web.reactive.function.server.ServerResponse.ok().build())
                    .build();
        }

        String notARoute() {
            return "";
        }
    }

    /** Spring MVC's functional endpoints, two beans in one class. */
    static class ServletRoutes {
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> admin() {
            return null;
        }

        org.springframework.web.servlet.function.RouterFunction<?> reports() {
            return null;
        }
    }

    /** A class that is a router function itself. */
    abstract static class OwnRouter
            implements org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> {
    }

    static class NoRoutes {
        List<String> names() {
            return List.of();
        }
    }

    @Test
    void eachClassDeclaringARouterFunctionIsListedWithItsMethods() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReactiveRoutes.class, ServletRoutes.class, OwnRouter.class,
                NoRoutes.class);
        Map<String, List<String>> found = FunctionalEndpoints.find(StreamSupport.stream(classes.spliterator(), false).toList());
        assertEquals(Map.of(ReactiveRoutes.class.getName(), List.of("routes"), ServletRoutes.class.getName(),
                List.of("admin", "reports"), OwnRouter.class.getName(), List.of("")), found);
    }
}
