package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.forum.extraction.runtime.ExtractionRuntimeAutoConfiguration;
import dev.forum.extraction.runtime.inherited.buyer.Buyer;
import dev.forum.extraction.runtime.inherited.shop.ShopApi;
import dev.forum.extraction.runtime.inherited.shop.ShopReadApi;
import dev.forum.extraction.runtime.inherited.shop.admin.AuditApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.client.RestClient;

/**
 * user12's fault 1: module shop's {@code ShopApi extends ShopReadApi}, one controller implementing both, and a module
 * buyer injecting each. In process one bean is both types; with shop remote there was a client per listed contract,
 * so injecting {@code ShopReadApi} found two beans and the start failed. Now each most specific contract gets one
 * client, which serves its super-interfaces too; unrelated contracts get one each, named apart when two share a simple
 * name. The metadata lists every contract, as the plugin writes it.
 */
class InheritedContractClientsTest {

    private static final String AUDIT = "dev.forum.extraction.runtime.inherited.shop.audit.AuditApi";
    private static final String ADMIN = "dev.forum.extraction.runtime.inherited.shop.admin.AuditApi";
    private static final String METADATA = """
            format=1
            modules=shop,buyer
            module.shop.packages=dev.forum.extraction.runtime.inherited.shop
            module.shop.contracts=%s,dev.forum.extraction.runtime.inherited.shop.ShopApi,dev.forum.extraction.runtime.inherited.shop.ShopReadApi,%s
            module.shop.prefix=/api/shop
            module.buyer.packages=dev.forum.extraction.runtime.inherited.buyer
            module.buyer.calls=shop
            """.formatted(ADMIN, AUDIT);

    @TempDir
    Path dir;

    private HttpServer server;
    private AnnotationConfigApplicationContext context;

    @BeforeEach
    void remoteShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/shop/", exchange -> {
            byte[] body = ("remote:" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path metadata = dir.resolve("META-INF/extraction/modules.properties");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, METADATA);
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        server.stop(0);
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

        @Bean
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }
    }

    private void start(Map<String, Object> settings) throws IOException {
        context = new AnnotationConfigApplicationContext();
        context.setClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
        context.register(Application.class, ExtractionRuntimeAutoConfiguration.class);
        context.scan("dev.forum.extraction.runtime.inherited");
        context.refresh();
    }

    @Test
    void withShopRemoteEachContractTypeHasOneBeanAndEveryCallGoesOverHttp() throws IOException {
        start(Map.of("extraction.topology.local-modules", "buyer",
                "extraction.topology.remote-urls.shop", "http://127.0.0.1:" + server.getAddress().getPort()));

        assertThat(context.getBeanNamesForType(ShopReadApi.class)).containsExactly("shopRemoteClientShopApi");
        assertThat(context.getBeanNamesForType(ShopApi.class)).containsExactly("shopRemoteClientShopApi");
        assertThat(context.getBeanNamesForType(AuditApi.class)).containsExactly("shopRemoteClient" + ADMIN);
        assertThat(context.getBeanNamesForType(dev.forum.extraction.runtime.inherited.shop.audit.AuditApi.class))
                .containsExactly("shopRemoteClient" + AUDIT);
        assertThat(context.getBean(Buyer.class).buy("mug")).isEqualTo(
                "remote:GET /api/shop/mug|remote:POST /api/shop/mug|remote:GET /api/shop/audit/last|remote:GET /api/shop/admin/last");
    }

    @Test
    void withEveryModuleLocalTheOneControllerIsBothTypesAsBefore() throws IOException {
        start(Map.of());

        assertThat(context.getBeanNamesForType(ShopReadApi.class)).containsExactly("shopController");
        assertThat(context.getBeanNamesForType(ShopApi.class)).containsExactly("shopController");
        assertThat(context.getBean(Buyer.class).buy("mug")).isEqualTo("shop:find mug|shop:add mug|shop:audit|shop:admin");
    }
}
