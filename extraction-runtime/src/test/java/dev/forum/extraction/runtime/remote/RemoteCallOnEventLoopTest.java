package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A remote module's client blocks until the module answers. Called on a Spring WebFlux event loop (a Reactor Netty
 * thread) it would stall every request that loop serves, so the call is refused there with a line saying how to make
 * it, before anything is sent; wrapped in {@code Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic())} it
 * is made.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteCallOnEventLoopTest {

    interface VenuesApi {
        String name(long id);
    }

    /** Calls of the remote module that reached its client. */
    static final AtomicInteger SENT = new AtomicInteger();

    static final VenuesApi VENUES = RemoteModuleClients.guard("venues", VenuesApi.class, id -> {
        SENT.incrementAndGet();
        return "Arena";
    }, Duration.ofSeconds(5));

    @RestController
    static class OrdersController {

        @GetMapping("/direct")
        String direct() {
            return VENUES.name(1);
        }

        @GetMapping("/wrapped")
        Mono<String> wrapped() {
            return Mono.fromCallable(() -> VENUES.name(1)).subscribeOn(Schedulers.boundedElastic());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
            NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
            ErrorWebFluxAutoConfiguration.class})
    @Import(OrdersController.class)
    static class Server {
    }

    @Test
    void aCallOnTheEventLoopIsRefusedAndOneOnBoundedElasticIsMade(CapturedOutput output) {
        SENT.set(0);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off").run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient caller = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(20)).build();

            caller.get().uri("/direct").exchange().expectStatus().is5xxServerError();
            assertThat(SENT).hasValue(0);
            assertThat(output.getAll()).contains("java.lang.IllegalStateException: VenuesApi.name, a blocking call to remote"
                    + " module 'venues', was made on thread reactor-http-").contains(", a non-blocking thread of Reactor (an event loop,"
                    + " or its parallel or single scheduler) that must never wait for another process: make the call in Mono.fromCallable(() ->"
                    + " ...).subscribeOn(Schedulers.boundedElastic())");

            caller.get().uri("/wrapped").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("Arena");
            assertThat(SENT).hasValue(1);
        }
    }

    @Test
    void aCallOnReactorsParallelSchedulerIsRefusedAndOneOnAnOrdinaryThreadIsMade() {
        SENT.set(0);
        assertThatThrownBy(() -> Mono.fromCallable(() -> VENUES.name(1)).subscribeOn(Schedulers.parallel()).block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("VenuesApi.name, a blocking call to remote module 'venues', was made on thread parallel-");
        assertThat(VENUES.name(1)).isEqualTo("Arena");
        assertThat(SENT).hasValue(1);
    }
}
