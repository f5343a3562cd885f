package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.util.UriBuilderFactory;

/**
 * user12's fault 5: the parameters Spring's HTTP interface client accepts besides the six sending annotations. What
 * reaches the server as the controller takes it is kept; the rest is refused at start, one line each (the plugin reads
 * the same list at build time). Real calls through Spring's client on loopback show why.
 */
class UnsentParametersTest {

    @HttpExchange("/api/catalog")
    interface CatalogApi {
        @GetExchange("/tenant")
        String tenant(@RequestAttribute("tenant") String tenant);

        @GetExchange("/elsewhere")
        String elsewhere(URI where);

        @GetExchange("/built")
        String built(UriBuilderFactory factory);

        @PostExchange("/stream")
        void stream(StreamingHttpOutputMessage.Body body);

        @GetExchange("/method")
        String fixedMethod(HttpMethod method);

        @HttpExchange("/any")
        String anyMethod(HttpMethod method, @RequestParam("sku") String sku);

        @GetExchange("/{sku}")
        String find(@PathVariable("sku") String sku, @RequestHeader("X-Tenant") String tenant);
    }

    /** A contract whose class-level exchange names the method: an HttpMethod argument replaces that one too. */
    @HttpExchange(url = "/api/posts", method = "POST")
    interface PostingApi {
        @HttpExchange("/any")
        String anyMethod(HttpMethod method);
    }

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " tenant="
                    + exchange.getRequestHeaders().getFirst("X-Tenant"));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private CatalogApi client() {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(RestClient.builder().baseUrl(base()).build()))
                .build().createClient(CatalogApi.class);
    }

    @Test
    void whatTheClientDoesWithEachKindOverHttp() {
        CatalogApi catalog = client();
        catalog.tenant("acme");
        catalog.elsewhere(URI.create(base() + "/not/the/module"));
        catalog.anyMethod(HttpMethod.PUT, "mug");
        catalog.find("mug", "acme");

        assertThat(requests).containsExactly(
                "GET /api/catalog/tenant tenant=null", // the attribute stayed on the client's request
                "GET /not/the/module tenant=null", // the URI argument replaced the module's URL
                "PUT /api/catalog/any?sku=mug tenant=null", // what a controller's HttpMethod parameter reads
                "GET /api/catalog/mug tenant=acme");
    }

    @Test
    void eachParameterThatDoesNotReachTheControllerIsOneStartRefusalLine() {
        String where = "Contract " + CatalogApi.class.getName() + " of remote module 'catalog': method ";
        assertThat(BlockingContracts.refusals("catalog", CatalogApi.class)).satisfiesExactly(
                built -> assertThat(built).startsWith(where + "built takes UriBuilderFactory (parameter 1), which does not"
                        + " reach the module as its controller takes it: Spring's HTTP client sends the call to the"
                        + " UriBuilderFactory argument instead of the module's URL"),
                elsewhere -> assertThat(elsewhere).startsWith(where + "elsewhere takes URI (parameter 1)")
                        .endsWith("; send the value as text with @RequestParam, or leave the URL to the topology"),
                fixed -> assertThat(fixed).startsWith(where + "fixedMethod takes HttpMethod (parameter 1)")
                        .contains("as the request's method instead of GET, which the module answers 405 for any other value"),
                stream -> assertThat(stream).startsWith(where + "stream takes StreamingHttpOutputMessage.Body (parameter 1)")
                        .endsWith("send @RequestBody byte[] or a Resource"),
                tenant -> assertThat(tenant).isEqualTo(where + "tenant takes @RequestAttribute (parameter 1), which does not"
                        + " reach the module as its controller takes it: Spring's HTTP client keeps a @RequestAttribute on its"
                        + " own request and sends nothing, so the module answers 400 (in process the controller gets the"
                        + " value); send the value with @RequestHeader, @RequestParam or in the @RequestBody"));
    }

    @Test
    void anHttpMethodIsRefusedAgainstAMethodTheContractNamesOnItsInterfaceToo() {
        assertThat(BlockingContracts.refusals("posts", PostingApi.class)).singleElement().asString()
                .contains("method anyMethod takes HttpMethod (parameter 1)").contains("instead of POST,");
    }

    @Test
    void theStartIsRefusedWhereALocalModuleCallsSuchAContract() throws IOException {
        String metadata = """
                format=1
                modules=catalog,checkout
                module.catalog.packages=store.catalog
                module.catalog.contracts=%s
                module.checkout.packages=store.checkout
                module.checkout.calls=catalog
                """.formatted(CatalogApi.class.getName());
        Topology topology = Topology.resolve(new TopologySettings(Set.of("checkout"), URI.create("http://lb"), Map.of(),
                Duration.ofMillis(250), Duration.ofSeconds(5)), TopologyTest.metadata(metadata));
        assertThatThrownBy(() -> topology.remoteContracts(getClass().getClassLoader()))
                .isInstanceOf(InvalidTopologyException.class)
                .satisfies(refused -> assertThat(((InvalidTopologyException) refused).refusals()).hasSize(5));
    }
}
