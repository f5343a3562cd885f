import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring WebFlux floor for the side-by-side benchmark (bench/side-by-side.sh --webflux-floor): what a request
 * would cost the forum's web stack if it were Spring WebFlux on Reactor Netty (Netty's epoll transport, which keeps
 * each connection registered and reads it on the thread that polled it) instead of Spring MVC on Tomcat. The same
 * shape as the Spring MVC floor ({@code SpringMvcFloor.java}): Spring Boot at the forum's version, one annotated
 * controller answering each route with fixed bytes captured from the forum, no Security, no observation, no access
 * log, no database, no JSON writing.
 *
 * <p>MODE says where the controller runs. {@code event-loop}: on Netty's event loop thread, WebFlux's own way, which
 * only code that never blocks may use. {@code virtual-threads}: on a virtual thread of Spring Boot's task executor
 * ({@code spring.threads.virtual.enabled}, WebFlux's blocking execution), as a controller that calls JDBC must run,
 * and the forum's do: the event loop hands each request to a thread and takes the answer back.
 *
 * <p>Compiled and run by side-by-side.sh: {@code javac -cp 'LIB/*' -d OUT bench/SpringWebFluxFloor.java
 * bench/FloorServer.java}, then {@code java -cp 'OUT:LIB/*' SpringWebFluxFloor PORT ROUTES_FILE MODE}, where LIB
 * holds Spring WebFlux and Reactor Netty at the forum's Spring Boot ({@code ./mvnw -q -f bench/webflux-floor/pom.xml
 * dependency:copy-dependencies -DoutputDirectory=LIB}). PORT is the TCP port on 127.0.0.1 (1-65535); ROUTES_FILE is
 * FloorServer's (one route a line: the path, matched exactly, the Content-Type and the body's file, tab-separated).
 * Known path with GET: 200 and those bytes; any other path: 404. Logs Spring Boot's start-up lines and, once, the
 * thread the first request ran on; nothing per request. Exits with status 2 and one line on standard error when
 * its arguments or a file cannot be read.
 *
 * <p>With a fourth argument {@code layers}, the forum's kind of layers run too ({@code WebFluxLayers.java}, the same
 * as {@code MvcLayers.java} on the Spring MVC floor); compiled with bench/WebFluxLayers.java.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, JacksonAutoConfiguration.class,
        TaskExecutionAutoConfiguration.class})
public class SpringWebFluxFloor {

    /** One route's answer: its Content-Type and body bytes, as the forum served them. */
    record Answer(MediaType contentType, byte[] body) {}

    private static final List<String> MODES = List.of("event-loop", "virtual-threads");

    private static Map<String, Answer> routes;

    @Bean
    FluxFloorController fluxFloorController() {
        return new FluxFloorController(routes);
    }

    public static void main(String[] args) throws IOException {
        boolean layers = args.length == 4 && args[3].equals("layers");
        if ((args.length != 3 && !layers) || !args[0].matches("[1-9][0-9]{0,4}") || !MODES.contains(args[2])) {
            System.err.println("usage: java -cp 'OUT:LIB/*' SpringWebFluxFloor PORT ROUTES_FILE event-loop|virtual-threads"
                    + " [layers] (PORT 1-65535 on 127.0.0.1)");
            System.exit(2);
        }
        Map<String, Answer> answers = new HashMap<>();
        FloorServer.readRoutes(args[1]).forEach((path, answer) ->
                answers.put(path, new Answer(MediaType.parseMediaType(answer.contentType()), answer.body())));
        routes = Map.copyOf(answers);
        SpringApplication app = layers ? new SpringApplication(SpringWebFluxFloor.class, WebFluxLayers.class)
                : new SpringApplication(SpringWebFluxFloor.class);
        Map<String, Object> settings = new HashMap<>(Map.of(
                "server.address", "127.0.0.1",
                "server.port", args[0],
                // With virtual threads on, WebFlux runs controllers that return no reactive type on Boot's executor.
                "spring.threads.virtual.enabled", String.valueOf(args[2].equals("virtual-threads"))));
        if (layers) {
            settings.putAll(WebFluxLayers.SETTINGS);
        }
        app.setDefaultProperties(settings);
        app.run();
    }
}

/** Answers every GET from the captured routes; the path is matched exactly, as the forum's routes are. */
@RestController
class FluxFloorController {
    private final Map<String, SpringWebFluxFloor.Answer> answers;
    private final AtomicBoolean first = new AtomicBoolean(true);

    FluxFloorController(Map<String, SpringWebFluxFloor.Answer> answers) {
        this.answers = answers;
    }

    @GetMapping("/**")
    ResponseEntity<byte[]> answer(ServerHttpRequest request) {
        if (first.compareAndSet(true, false)) {
            Thread thread = Thread.currentThread();
            System.err.println("first request on thread '" + thread.getName() + "', virtual: " + thread.isVirtual());
        }
        SpringWebFluxFloor.Answer answer = answers.get(request.getPath().value());
        return answer == null
                ? ResponseEntity.notFound().build()
                : ResponseEntity.ok().contentType(answer.contentType()).body(answer.body());
    }
}
