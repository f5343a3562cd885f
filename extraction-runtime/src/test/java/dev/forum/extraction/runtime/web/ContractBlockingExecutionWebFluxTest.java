package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.BlockingExecutionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * Over HTTP, on a real Reactor Netty server: a controller that implements a contract and waits for a {@code Mono}
 * ({@code block()}, as one on an R2DBC repository must) answers 200 with the library and 500 without it, because it runs
 * off the event loop; the application's other handler methods run where they ran without the library, and the
 * application's own blocking execution (Spring Boot's virtual threads, a {@code WebFluxConfigurer}'s) is kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContractBlockingExecutionWebFluxTest {

    private static final String EVENT_LOOP = "reactor-http-";

    @HttpExchange("/api/catalog")
    interface CatalogApi {

        @GetExchange("/{sku}")
        String product(@PathVariable("sku") String sku);
    }

    /** The catalog module's controller: waits for its repository's answer, then names the thread it ran on. */
    @RestController
    static class CatalogController implements CatalogApi {

        @Override
        public String product(String sku) {
            String found = Mono.delay(Duration.ofMillis(5)).thenReturn(sku).block();
            return found + " on " + Thread.currentThread();
        }

        /** Not a blocking method: stays on the event loop. */
        @GetMapping("/stream")  // under the contract's /api/catalog
        Mono<String> reactive() {
            return Mono.fromSupplier(() -> Thread.currentThread().toString());
        }
    }

    /** Another module's controller, no contract: names the thread it ran on. */
    @RestController
    static class OrdersController {

        @GetMapping("/orders/thread")
        String thread() {
            return Thread.currentThread().toString();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
            NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
            ErrorWebFluxAutoConfiguration.class})
    @Import({CatalogController.class, OrdersController.class})
    static class Application {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ContractBlockingExecutionAutoConfiguration.class)
    static class Library {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TaskExecutionAutoConfiguration.class)
    static class TaskExecution {
    }

    /** An application's own blocking execution: its executor for the orders controller only. */
    @Configuration(proxyBeanMethods = false)
    static class OwnBlockingExecution implements WebFluxConfigurer {

        @Override
        public void configureBlockingExecution(BlockingExecutionConfigurer configurer) {
            configurer.setExecutor(new SimpleAsyncTaskExecutor("own-"))
                    .setControllerMethodPredicate(method -> method.getBeanType() == OrdersController.class);
        }
    }

    @Test
    void withoutTheLibraryTheContractControllerFailsOnTheEventLoop(CapturedOutput output) {
        serve(List.of(), List.of(), client -> {
            client.get().uri("/api/catalog/mug").exchange().expectStatus().is5xxServerError();
            assertThat(output.getAll()).contains("block()/blockFirst()/blockLast() are blocking, which is not supported in thread "
                    + EVENT_LOOP);
        });
    }

    @Test
    void theContractControllerRunsOnBoundedElasticAndTheOthersStayOnTheEventLoop() {
        serve(List.of(Library.class), List.of(), client -> {
            // Reactor's scheduler, on virtual threads (loomBoundedElastic-N) once a test has turned them on
            assertThat(body(client, "/api/catalog/mug")).startsWith("mug on ").containsIgnoringCase("boundedElastic-");
            assertThat(body(client, "/orders/thread")).contains("," + EVENT_LOOP);
            assertThat(body(client, "/api/catalog/stream")).contains("," + EVENT_LOOP);
        });
    }

    @Test
    void theContractControllerRunsOnTheApplicationTaskExecutor() {
        serve(List.of(Library.class, TaskExecution.class), List.of(), client -> {
            assertThat(body(client, "/api/catalog/mug")).startsWith("mug on Thread[").contains(",task-");
            assertThat(body(client, "/orders/thread")).contains("," + EVENT_LOOP);
        });
    }

    /** Spring Boot's setting stays: every non-reactive handler method on its virtual threads, the contract's too. */
    @Test
    void withVirtualThreadsEveryBlockingMethodRunsOnOneAsSpringBootSets() {
        serve(List.of(Library.class, TaskExecution.class), List.of("spring.threads.virtual.enabled=true"), client -> {
            assertThat(body(client, "/api/catalog/mug")).startsWith("mug on VirtualThread[");
            assertThat(body(client, "/orders/thread")).startsWith("VirtualThread[");
            assertThat(body(client, "/api/catalog/stream")).contains("," + EVENT_LOOP);
        });
    }

    /** An application's own executor and predicate stay; the contract controller joins them on that executor. */
    @Test
    void anApplicationsOwnBlockingExecutionIsKeptAndTheContractControllerJoinsIt() {
        serve(List.of(Library.class, OwnBlockingExecution.class), List.of(), client -> {
            assertThat(body(client, "/orders/thread")).contains(",own-");
            assertThat(body(client, "/api/catalog/mug")).startsWith("mug on Thread[").contains(",own-");
            assertThat(body(client, "/api/catalog/stream")).contains("," + EVENT_LOOP);
        });
    }

    private static void serve(List<Class<?>> more, List<String> properties, Consumer<WebTestClient> requests) {
        List<Class<?>> sources = new ArrayList<>(List.of(Application.class));
        sources.addAll(more);
        List<String> settings = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
        settings.addAll(properties);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.REACTIVE).properties(settings.toArray(String[]::new)).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            requests.accept(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(20)).build());
        }
    }

    private static String body(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
