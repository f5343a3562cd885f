package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tasks get the database settings of each way the application reads it ({@link DatabaseClients}): Spring Boot's
 * R2DBC ones ({@code SPRING_R2DBC_URL}, an {@code r2dbc:postgresql://} URL verifying the server as the JDBC URL does,
 * {@code SPRING_R2DBC_USERNAME} and {@code _PASSWORD} from the database's admin secret) for R2DBC, the datasource's for
 * JDBC, both for both, on the one database.
 */
class R2dbcDatabaseTest {

    private static final List<ModuleRoute> SHOP = List.of(new ModuleRoute("billing", "/api/billing"),
            new ModuleRoute("orders", "/api/orders"));

    private static final Topology TOPOLOGY = Topology.resolve(TopologyFile.parse("""
            name: shop
            services:
              - { name: monolith, monolith: true }
              - { name: orders, modules: [orders], traffic: 100 }
            """, "/shop/topology.yml"), SHOP);

    /** The ecs goal's defaults for an application with one datasource (no role per module) that reads {@code clients}. */
    private static EcsSettings settings(DatabaseClients clients, boolean moduleDatabases) {
        return EcsSettings.defaults("shop", null, "../..", ".", "target/services")
                .application(null, null, EcsSettings.ABOUT_BLANK, moduleDatabases).databaseClients(clients);
    }

    private static JsonNode container(Map<String, String> files, String service) {
        return Templates.json(files.get("service-" + service + ".json")).path("Resources").path("TaskDefinition")
                .path("Properties").path("ContainerDefinitions").path(0);
    }

    private static JsonNode atRest(Map<String, String> files, String service) {
        return Templates.json(files.get("taskdefs/" + service + ".json")).path("containerDefinitions").path(0);
    }

    /** The names of a hand-registered task definition's {@code environment} or {@code secrets}, with their values. */
    private static List<String> entries(JsonNode list, String value) {
        List<String> entries = new ArrayList<>();
        list.forEach(entry -> entries.add(entry.path("name").asText() + "=" + entry.path(value).asText()));
        return entries;
    }

    private static List<String> databaseNames(List<String> names) {
        return names.stream().filter(name -> name.startsWith("SPRING_DATASOURCE") || name.startsWith("SPRING_R2DBC"))
                .toList();
    }

    @Test
    void anR2dbcApplicationGetsSpringBootsR2dbcSettingsAndNoDatasource() {
        Map<String, String> files = EcsRenderer.render(TOPOLOGY, settings(DatabaseClients.R2DBC, false));
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));

        JsonNode output = Templates.json(files.get("base.json")).path("Outputs").path("DatabaseR2dbcUrl");
        assertEquals("shop-base-DatabaseR2dbcUrl", output.path("Export").path("Name").asText());
        JsonNode parts = output.path("Value").path("Fn::Join").path(1);
        assertEquals("r2dbc:postgresql://", parts.path(0).asText());
        assertEquals("Endpoint.Address", parts.path(1).path("Fn::GetAtt").path(1).asText());
        assertEquals("/shop?sslMode=verify-full&sslRootCert=/app/rds/global-bundle.pem", parts.path(4).asText());

        for (String service : List.of("monolith", "orders")) {
            JsonNode container = container(files, service);
            Map<String, JsonNode> environment = Templates.environment(container);
            assertEquals(List.of("SPRING_R2DBC_URL"), databaseNames(List.copyOf(environment.keySet())), service);
            assertEquals("shop-base-DatabaseR2dbcUrl",
                    environment.get("SPRING_R2DBC_URL").path("Fn::ImportValue").asText(), service);
            assertEquals(List.of("SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD"), Templates.secretNames(container),
                    service);
            // A reference to the admin secret's keys, never the password itself.
            container.path("Secrets").forEach(secret -> assertEquals("shop-base-DatabaseAdminSecret",
                    secret.path("ValueFrom").path("Fn::Join").path(1).path(0).path("Fn::ImportValue").asText(),
                    secret.toString()));

            JsonNode taskdef = atRest(files, service);
            assertEquals(List.of("SPRING_R2DBC_URL=${DATABASE_R2DBC_URL}"), entries(taskdef.path("environment"), "value")
                    .stream().filter(e -> e.startsWith("SPRING_DATASOURCE") || e.startsWith("SPRING_R2DBC")).toList());
            assertEquals(List.of("SPRING_R2DBC_USERNAME=${DATABASE_ADMIN_SECRET_ARN}:username::",
                    "SPRING_R2DBC_PASSWORD=${DATABASE_ADMIN_SECRET_ARN}:password::"),
                    entries(taskdef.path("secrets"), "valueFrom"), service);
        }
        assertTrue(TaskDefinitionJson.VARIABLES.contains("DATABASE_R2DBC_URL"), TaskDefinitionJson.VARIABLES);
    }

    @Test
    void anApplicationReadingBothGetsBothOnTheOneDatabase() {
        Map<String, String> files = EcsRenderer.render(TOPOLOGY, settings(DatabaseClients.BOTH, false));
        JsonNode base = Templates.json(files.get("base.json"));
        assertEquals(1, Templates.ofType(base, "AWS::RDS::DBInstance").size());
        assertTrue(base.path("Outputs").has("DatabaseUrl") && base.path("Outputs").has("DatabaseR2dbcUrl"));
        JsonNode container = container(files, "orders");
        assertEquals(List.of("SPRING_DATASOURCE_URL", "SPRING_R2DBC_URL", "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"),
                databaseNames(List.copyOf(Templates.environment(container).keySet())));
        assertEquals(List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_R2DBC_USERNAME",
                "SPRING_R2DBC_PASSWORD"), Templates.secretNames(container));
    }

    @Test
    void aJdbcApplicationGetsNoR2dbcSetting() {
        Map<String, String> files = EcsRenderer.render(TOPOLOGY, settings(DatabaseClients.JDBC, false));
        assertFalse(Templates.json(files.get("base.json")).path("Outputs").has("DatabaseR2dbcUrl"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertFalse(file.getValue().contains("R2DBC") || file.getValue().contains("r2dbc"), file.getKey());
        }
        JsonNode container = container(files, "orders");
        assertEquals(List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"),
                databaseNames(List.copyOf(Templates.environment(container).keySet())));
    }

    /** With a role per module the application reads its own credentials' settings; the goal gives the R2DBC URL only. */
    @Test
    void withARolePerModuleTheR2dbcTasksGetTheUrlAndNoAdminCredentials() {
        Map<String, String> files = EcsRenderer.render(TOPOLOGY, settings(DatabaseClients.R2DBC, true));
        JsonNode container = container(files, "orders");
        assertEquals(List.of("SPRING_R2DBC_URL"), databaseNames(List.copyOf(Templates.environment(container).keySet())));
        assertEquals(List.of(), databaseNames(Templates.secretNames(container)));
    }

    /** A service's own variable the goal sets is refused by name, as the datasource's are. */
    @Test
    void theR2dbcVariablesAreSetByTheGoal() {
        assertEquals("the database's R2DBC URL",
                TaskVariables.setByGoal("SPRING_R2DBC_URL", DatabaseClients.R2DBC, false, "shop", false, false)
                        .orElseThrow());
        assertTrue(TaskVariables.setByGoal("SPRING_R2DBC_PASSWORD", DatabaseClients.BOTH, false, "shop", false, false)
                .isPresent());
        assertTrue(TaskVariables.setByGoal("SPRING_R2DBC_URL", DatabaseClients.JDBC, false, "shop", false, false)
                .isEmpty(), "a JDBC application's own to set");
        assertTrue(TaskVariables.setByGoal("SPRING_DATASOURCE_URL", DatabaseClients.R2DBC, false, "shop", false, false)
                .isEmpty(), "an R2DBC application's own to set");
    }
}
