import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring MVC floor for the side-by-side benchmark (bench/side-by-side.sh): what a request costs the forum's own
 * web stack before any of the forum's code runs. Spring Boot's embedded Tomcat on virtual threads and Spring MVC's
 * {@code DispatcherServlet}, with the forum's versions (the class path is the monolith jar's libraries) and its
 * Tomcat settings (keep-alive without a request limit), and one annotated controller answering each route with
 * fixed bytes captured from the forum. No Spring Security, no observation or tracing, no access log, no database,
 * no JSON writing: the difference between this floor and the forum is what the forum's layers cost; the
 * difference between it and the JDK floor ({@code FloorServer.java}) is what Tomcat and Spring MVC cost.
 *
 * <p>Compiled and run by side-by-side.sh: {@code javac -cp 'LIB/*' -d OUT bench/SpringMvcFloor.java
 * bench/FloorServer.java} (it reads the routes file as FloorServer does), then
 * {@code java -cp 'OUT:LIB/*' SpringMvcFloor PORT ROUTES_FILE}, where LIB holds the monolith jar's third-party
 * libraries ({@code java -Djarmode=tools -jar forum-app.jar extract}, without the forum's own {@code forum-*}
 * jars, so none of its configuration is picked up). PORT is the TCP port on 127.0.0.1 (1-65535). ROUTES_FILE is
 * FloorServer's: one route a line, the path (exact match), the Content-Type and the body's file, separated by tabs.
 * Known path with GET: 200 and those bytes; any other path: 404; another method: 405 (Spring MVC's own answer).
 * Logs Spring Boot's start-up lines, then nothing per request. Exits with status 2 and one line on standard error
 * when its arguments or a file cannot be read.
 *
 * <p>With a third argument {@code layers}, the forum's kind of layers run too ({@code MvcLayers.java}: Spring
 * Security's resource server, the request's observation and trace context, a request id and an access log line per
 * request), on the layered floor's libraries (bench/mvc-floor/pom.xml) instead of the monolith jar's; compiled with
 * bench/MvcLayers.java.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class})
public class SpringMvcFloor {

    /** One route's answer: its Content-Type and body bytes, as the forum served them. */
    record Answer(MediaType contentType, byte[] body) {}

    private static Map<String, Answer> routes;

    @Bean
    FloorController floorController() {
        return new FloorController(routes);
    }

    public static void main(String[] args) throws IOException {
        boolean layers = args.length == 3 && args[2].equals("layers");
        if ((args.length != 2 && !layers) || !args[0].matches("[1-9][0-9]{0,4}")) {
            System.err.println("usage: java -cp 'OUT:LIB/*' SpringMvcFloor PORT ROUTES_FILE [layers] (PORT 1-65535 on 127.0.0.1)");
            System.exit(2);
        }
        Map<String, Answer> answers = new HashMap<>();
        FloorServer.readRoutes(args[1]).forEach((path, answer) ->
                answers.put(path, new Answer(MediaType.parseMediaType(answer.contentType()), answer.body())));
        routes = Map.copyOf(answers);
        SpringApplication app = layers ? new SpringApplication(SpringMvcFloor.class, MvcLayers.class)
                : new SpringApplication(SpringMvcFloor.class);
        // The forum's settings that shape a request's cost (forum-app's application.properties).
        Map<String, Object> settings = new HashMap<>(Map.of(
                "server.address", "127.0.0.1",
                "server.port", args[0],
                "spring.threads.virtual.enabled", "true",
                "server.tomcat.keep-alive-timeout", "75s",
                "server.tomcat.max-keep-alive-requests", "-1"));
        if (layers) {
            settings.putAll(MvcLayers.SETTINGS);
        }
        app.setDefaultProperties(settings);
        app.run();
    }
}

/**
 * Answers every GET from the captured routes; the path is matched exactly, as the forum's routes are. A class of
 * its own, not nested in the configuration, so it is registered once, by {@link SpringMvcFloor#floorController()}.
 */
@RestController
class FloorController {
    private final Map<String, SpringMvcFloor.Answer> answers;

    FloorController(Map<String, SpringMvcFloor.Answer> answers) {
        this.answers = answers;
    }

    @GetMapping("/**")
    ResponseEntity<byte[]> answer(HttpServletRequest request) {
        SpringMvcFloor.Answer answer = answers.get(request.getRequestURI());
        return answer == null
                ? ResponseEntity.notFound().build()
                : ResponseEntity.ok().contentType(answer.contentType()).body(answer.body());
    }
}
