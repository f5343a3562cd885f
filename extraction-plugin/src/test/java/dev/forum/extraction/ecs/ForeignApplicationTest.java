package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An application that is not the forum (a shop: orders and billing, no module that issues tokens, one standard
 * datasource, no profile, no problem catalogue of its own) rendered with the ecs goal's defaults: nothing of the
 * forum's in its tasks, and the stack's task definitions and the hand-registered ones agree for it and for the forum.
 */
class ForeignApplicationTest {

    private static final List<ModuleRoute> SHOP = List.of(new ModuleRoute("billing", "/api/billing"),
            new ModuleRoute("orders", "/api/orders"));

    /** The shop: its monolith and an orders service. */
    static final String TOPOLOGY = """
            name: shop
            services:
              - { name: monolith, monolith: true }
              - { name: orders, modules: [orders] }
            """;

    /** The ecs goal's defaults for an application that sets none of the application's settings. */
    static EcsSettings shopSettings() {
        return EcsSettings.defaults("shop", null, "../..", ".", "target/services")
                .application(null, null, EcsSettings.ABOUT_BLANK, false);
    }

    /** {@code yaml} resolved against the shop's modules, billing and orders. */
    static Topology shop(String yaml) {
        return Topology.resolve(TopologyFile.parse(yaml, "/shop/topology.yml"), SHOP);
    }

    private static JsonNode container(Map<String, String> files, String service) {
        return Templates.resolve(json(files.get("service-" + service + ".json")), Map.of())
                .path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
    }

    @Test
    void theTasksOfAnotherApplicationGetNothingOfTheForums() {
        Map<String, String> files = EcsRenderer.render(shop(TOPOLOGY), shopSettings());
        for (String service : List.of("monolith", "orders")) {
            JsonNode container = container(files, service);
            Map<String, JsonNode> environment = Templates.environment(container);
            assertFalse(environment.containsKey("SPRING_PROFILES_ACTIVE"), service + ": no profile unless extract.ecs.profile");
            environment.keySet().forEach(name -> assertFalse(name.startsWith("FORUM_SECURITY_") || name.startsWith("SPRING_SECURITY_")
                    || name.startsWith("FORUM_DATASOURCE_"), service + ": " + name));
            assertEquals("native", environment.get("SERVER_FORWARDHEADERSSTRATEGY").asText());
            assertEquals("10\\.0\\.0\\.\\d{1,3}|10\\.0\\.1\\.\\d{1,3}|10\\.0\\.20\\.\\d{1,3}|10\\.0\\.21\\.\\d{1,3}",
                    environment.get("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES").asText(), "the load balancers' subnets (TrustedProxiesTest)");
            assertEquals(String.valueOf(shop(TOPOLOGY).database().poolSize()),
                    environment.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE").asText(), "the one datasource's pool");
            assertEquals(List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD"), Templates.secretNames(container));
            assertTrue(container.path("Secrets").path(0).path("ValueFrom").toString().contains("DatabaseAdminSecret"),
                    container.path("Secrets").toString());
        }
        JsonNode base = json(files.get("base.json"));
        assertFalse(base.path("Resources").has("SigningKeysSecret"), "no module issues tokens: no signing keys");
        assertTrue(files.get("deploy.sh").contains("\nTOKENS=false\n"));
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void theLoadBalancersProblemsAreAboutBlankAndNameTheApplicationsRoutes() {
        String base = EcsRenderer.render(shop(TOPOLOGY), shopSettings()).get("base.json");
        assertFalse(base.contains("urn:forum:problem:"), "no problem type of the forum's");
        assertTrue(base.contains("{\\\"type\\\":\\\"about:blank\\\",\\\"title\\\":\\\"Not Found\\\",\\\"status\\\":404,"
                + "\\\"detail\\\":\\\"No service of this API answers this path: the routes are under /api/billing and"
                + " /api/orders\\\"}"), base);
        String prefixed = EcsRenderer.render(shop(TOPOLOGY), shopSettings().application(null, null, "urn:shop:problem:", false))
                .get("base.json");
        assertTrue(prefixed.contains("urn:shop:problem:non-canonical-path") && prefixed.contains("urn:shop:problem:rate-limited"));
    }

    @Test
    void aProfileAndATokenIssuerOfTheApplicationAreRenderedWhereSet() {
        EcsSettings settings = shopSettings().application(new EcsSettings.Identity("billing", "/api/billing/keys",
                "urn:shop:billing", "urn:shop:api"), "cloud,eu", EcsSettings.ABOUT_BLANK, false);
        Map<String, String> files = EcsRenderer.render(shop(TOPOLOGY), settings);
        Map<String, JsonNode> orders = Templates.environment(container(files, "orders"));
        assertEquals("cloud,eu", orders.get("SPRING_PROFILES_ACTIVE").asText());
        assertEquals("billing", orders.get("SHOP_SECURITY_JWT_ISSUERMODULE").asText(), "the shop's own settings: shop.*");
        assertEquals("/api/billing/keys", orders.get("SHOP_SECURITY_JWT_JWKSPATH").asText());
        assertFalse(Templates.secretNames(container(files, "orders")).contains("SHOP_SECURITY_JWT_SIGNINGKEYS"),
                "orders does not sign tokens");
        assertTrue(Templates.secretNames(container(files, "monolith")).contains("SHOP_SECURITY_JWT_SIGNINGKEYS"),
                "the monolith holds billing, which signs");
        assertNoForumNames(files);
        assertTrue(json(files.get("base.json")).path("Resources").has("SigningKeysSecret"));
    }

    @Test
    void aDatabaseOfItsOwnNeedsCredentialsPerModule() {
        var e = assertThrows(ExtractionException.class, () -> EcsRenderer.render(shop("""
                name: shop
                services:
                  - { name: monolith, monolith: true }
                  - { name: orders, modules: [orders], database: {} }
                """), shopSettings()));
        assertEquals("/shop/topology.yml:4: orders: a database of its own (database:) needs database credentials per module:"
                + " set extract.ecs.moduleDatabases=true if the application reads shop.datasource.<module>.*"
                + " (extract.ecs.settingsPrefix), else remove database: from the service in /shop/topology.yml", e.getMessage());
    }

    /**
     * A database role per module and a token issuer, under a prefix of the application's own: every variable of its own
     * is named from that prefix, and no forum.* name is left (extraction-runtime's settings are EXTRACTION_TOPOLOGY_*).
     */
    @Test
    void theApplicationsOwnSettingsAreNamedFromItsPrefixNotTheForums() {
        EcsSettings settings = shopSettings().application(new EcsSettings.Identity("billing", "/api/billing/keys",
                "urn:shop:billing", "urn:shop:api"), null, EcsSettings.ABOUT_BLANK, true).settingsPrefix("com.example.shop");
        Map<String, String> files = EcsRenderer.render(shop(TOPOLOGY), settings);
        JsonNode orders = container(files, "orders");
        assertTrue(Templates.secretNames(orders).containsAll(List.of("COM_EXAMPLE_SHOP_DATASOURCE_ORDERS_USERNAME",
                "COM_EXAMPLE_SHOP_DATASOURCE_ORDERS_PASSWORD", "COM_EXAMPLE_SHOP_DATASOURCE_ORDERS_OWNER_PASSWORD")),
                Templates.secretNames(orders).toString());
        assertEquals("billing", Templates.environment(orders).get("COM_EXAMPLE_SHOP_SECURITY_JWT_ISSUERMODULE").asText());
        assertTrue(Templates.secretNames(container(files, "monolith")).contains("COM_EXAMPLE_SHOP_SECURITY_JWT_SIGNINGKEYS"));
        assertNoForumNames(files);
        assertEquals("CONTENTAPI_DATASOURCE_X", settings.settingsPrefix("content-api").applicationVariable("data-source.x"),
                "Spring's binding drops dashes");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> settings.settingsPrefix("Shop_App"));
        assertTrue(bad.getMessage().startsWith("settingsPrefix is a Spring property prefix such as shop"), bad.getMessage());
    }

    /** No task variable, secret or text of the rendering names the forum, extraction-runtime's settings included. */
    private static void assertNoForumNames(Map<String, String> files) {
        files.forEach((name, text) -> {
            assertFalse(text.contains("FORUM_") || text.contains("forum."), name + " names the forum");
        });
    }

    @Test
    void badApplicationSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> shopSettings().application(null, null, "shop problems", false));
        assertThrows(IllegalArgumentException.class, () -> shopSettings().application(null, "prod;rm", EcsSettings.ABOUT_BLANK, false));
    }

    /** The stack's task definition (at rest: the topology's modules) and taskdefs/<service>.json say the same. */
    @Test
    void theStacksTaskDefinitionAndTheHandRegisteredOneAgree() {
        assertAgree(shop(TOPOLOGY), shopSettings());
        assertAgree(shop(TOPOLOGY), shopSettings().application(new EcsSettings.Identity("orders", "/api/orders/jwks.json",
                "urn:shop:orders", "urn:shop:api"), "prod", "urn:shop:problem:", true));
        for (var file : ForumTopologies.files().toList()) {
            assertAgree(ForumTopologies.topology(file), ForumTopologies.settings());
        }
    }

    private static void assertAgree(Topology topology, EcsSettings settings) {
        Map<String, String> files = EcsRenderer.render(topology, settings);
        for (ServiceSpec service : topology.deployedServices()) {
            JsonNode stack = container(files, service.name());
            JsonNode atRest = json(files.get("taskdefs/" + service.name() + ".json")).path("containerDefinitions").path(0);
            Map<String, String> plain = new LinkedHashMap<>();
            Templates.environment(stack).forEach((name, value) -> plain.put(name, value.isTextual() ? value.asText() : "<ref>"));
            Map<String, String> json = new LinkedHashMap<>();
            atRest.path("environment").forEach(e -> json.put(e.path("name").asText(), e.path("value").asText()));
            assertEquals(new ArrayList<>(plain.keySet()), new ArrayList<>(json.keySet()), service.name() + " environment");
            // The same modules; the stack lists an extracted service's in the file's order, the file in the modules'.
            JsonNode local = Templates.environment(stack).get("EXTRACTION_TOPOLOGY_LOCAL_MODULES");
            String stackLocal = local.isTextual() ? local.asText() // the monolith's: its LocalModules at rest
                    : json(files.get("service-" + service.name() + ".json")).path("Parameters").path("LocalModules").path("Default").asText();
            assertEquals(java.util.Set.of(stackLocal.split(",")),
                    java.util.Set.of(json.get("EXTRACTION_TOPOLOGY_LOCAL_MODULES").split(",")), service.name());
            plain.forEach((name, value) -> {
                if (!value.equals("<ref>") && !name.equals("EXTRACTION_TOPOLOGY_LOCAL_MODULES")) {
                    assertEquals(value, json.get(name), service.name() + " " + name);
                }
            });
            List<String> secrets = new ArrayList<>();
            atRest.path("secrets").forEach(s -> secrets.add(s.path("name").asText()));
            assertEquals(Templates.secretNames(stack), secrets, service.name() + " secrets");
            assertSecretArnsFromTheBaseStack(files, stack, atRest, service.name());
        }
    }

    private static final Pattern SECRET_ARN = Pattern.compile("\\$\\{([A-Z0-9_]+)_ARN}(:[a-z]+::)?");

    /**
     * ECS takes a Secrets Manager secret in {@code valueFrom} by its full ARN only: every secret of the hand-registered
     * task definition is a placeholder named after the base stack's output holding that ARN, the one the stack's own
     * task definition imports, with the same JSON key.
     */
    private static void assertSecretArnsFromTheBaseStack(Map<String, String> files, JsonNode stack, JsonNode atRest,
            String service) {
        JsonNode outputs = json(files.get("base.json")).path("Outputs");
        Map<String, String> upperSnake = new LinkedHashMap<>();
        outputs.fieldNames().forEachRemaining(output -> upperSnake.put(
                output.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase(java.util.Locale.ROOT), output));
        Map<String, JsonNode> stackSecrets = new LinkedHashMap<>();
        stack.path("Secrets").forEach(s -> stackSecrets.put(s.path("Name").asText(), s));
        atRest.path("secrets").forEach(secret -> {
            String name = secret.path("name").asText();
            String valueFrom = secret.path("valueFrom").asText();
            var arn = SECRET_ARN.matcher(valueFrom);
            assertTrue(arn.matches(), service + " " + name + ": " + valueFrom);
            String output = upperSnake.get(arn.group(1));
            assertTrue(output != null, service + " " + name + ": no base stack output for " + valueFrom);
            String inStack = stackSecrets.get(name).toString();
            assertTrue(inStack.contains("-" + output + "\""), service + " " + name + ": the stack imports " + inStack);
            if (arn.group(2) != null) {
                assertTrue(inStack.contains(arn.group(2) + "\""), service + " " + name + " key: " + inStack);
            } else {
                assertFalse(inStack.contains("::\""), service + " " + name + " has no key: " + inStack);
            }
        });
    }
}
