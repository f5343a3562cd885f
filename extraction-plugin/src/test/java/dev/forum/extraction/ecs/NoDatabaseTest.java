package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application without Spring's JDBC (a shop whose modules keep no rows) gets no database in its deployment: no RDS
 * instance, no database secret, no path to PostgreSQL, no datasource setting in any task, and, without a token issuer,
 * no secret at all (no KMS key, no Secrets Manager endpoint, no execution role that may read secrets). Settings and
 * topology sections that only a database gives meaning to are refused, each in one line.
 */
class NoDatabaseTest {

    private static final List<ModuleRoute> SHOP = List.of(new ModuleRoute("billing", "/api/billing"),
            new ModuleRoute("orders", "/api/orders"));

    /** The ecs goal's defaults for an application that sets none of the application's settings, with or without JDBC. */
    private static EcsSettings shopSettings(boolean database) {
        return EcsSettings.defaults("shop", null, "../..", ".", "target/services")
                .application(null, null, EcsSettings.ABOUT_BLANK, false)
                .databaseClients(database ? DatabaseClients.JDBC : DatabaseClients.NONE);
    }

    private static EcsSettings issuingTokens(EcsSettings settings) {
        return settings.application(new EcsSettings.Identity("billing", "/api/billing/keys", "urn:shop:billing",
                "urn:shop:api"), null, EcsSettings.ABOUT_BLANK, false);
    }

    private static Topology shop(String services) {
        return Topology.resolve(TopologyFile.parse("name: shop\nservices:\n" + services, "/shop/topology.yml"), SHOP);
    }

    /** A monolith alone, a service at 100 %, a canary at 10 % with both processes holding orders. */
    @ParameterizedTest
    @ValueSource(strings = {
            "  - { name: monolith, monolith: true }\n",
            "  - { name: monolith, monolith: true }\n  - { name: orders, modules: [orders], traffic: 100 }\n",
            "  - { name: monolith, monolith: true }\n  - { name: orders, modules: [orders], traffic: 10 }\n"})
    void anApplicationWithoutJdbcGetsNoDatabaseNoSecretAndNoPathToEither(String services) {
        Topology topology = shop(services);
        Map<String, String> files = EcsRenderer.render(topology, shopSettings(false));
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
        assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("database-") || f.equals("db-bootstrap.json")),
                files.keySet().toString());
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().endsWith(".json")) {
                continue;
            }
            String text = file.getValue();
            for (String absent : List.of("AWS::RDS::", "AWS::SecretsManager::", "AWS::KMS::", "secretsmanager", "kms:",
                    "Database", "SecretsKey", "SigningKeys", "SPRING_DATASOURCE", "5432", "Secrets Manager", "token keys")) {
                assertFalse(text.contains(absent), file.getKey() + " has " + absent);
            }
        }
        for (String service : List.of("monolith", "orders")) {
            if (!files.containsKey("service-" + service + ".json")) {
                continue;
            }
            JsonNode template = Templates.json(files.get("service-" + service + ".json"));
            JsonNode container = container(template);
            assertEquals(List.of(), Templates.secretNames(container), service);
            assertEquals(List.of("ecr:GetAuthorizationToken", "[\"ecr:BatchCheckLayerAvailability\",\"ecr:GetDownloadUrlForLayer\","
                    + "\"ecr:BatchGetImage\"]", "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]"),
                    actions(template), service + ": its image and its logs, nothing else");
            JsonNode atRest = Templates.json(files.get("taskdefs/" + service + ".json")).path("containerDefinitions").path(0);
            assertEquals(0, atRest.path("secrets").size(), service);
        }

        // The same application with JDBC: each of those is there (what this test looks for is what a database brings).
        Map<String, String> withJdbc = EcsRenderer.render(topology, shopSettings(true));
        String base = withJdbc.get("base.json");
        assertTrue(base.contains("AWS::RDS::DBInstance") && base.contains("AWS::KMS::Key") && base.contains("secretsmanager"));
        assertEquals(List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD"),
                Templates.secretNames(container(Templates.json(withJdbc.get("service-monolith.json")))));
        assertTrue(withJdbc.get("service-monolith.json").contains("5432"));
    }

    /**
     * Without a database but with a token issuer, the signing keys are the one secret: its KMS key and Secrets Manager's
     * endpoint are there, and only a task that holds the issuer may read it, in every step of the deployment.
     */
    @Test
    void theSigningKeysAreTheOnlySecretWhereTheApplicationIssuesTokensWithoutJdbc() {
        Topology topology = shop("  - { name: monolith, monolith: true }\n  - { name: billing, modules: [billing], traffic: 100 }\n");
        Map<String, String> files = EcsRenderer.render(topology, issuingTokens(shopSettings(false)));
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
        JsonNode base = Templates.json(files.get("base.json"));
        assertEquals(List.of("SigningKeysSecret"), new ArrayList<>(Templates.idsOfType(base, "AWS::SecretsManager::Secret").keySet()));
        assertEquals(1, Templates.ofType(base, "AWS::KMS::Key").size());
        assertTrue(Templates.ofType(base, "AWS::RDS::DBInstance").isEmpty());
        assertTrue(Templates.ofType(base, "AWS::EC2::VPCEndpoint").stream()
                .anyMatch(e -> e.path("Properties").path("ServiceName").toString().contains("secretsmanager")));

        JsonNode billing = Templates.json(files.get("service-billing.json"));
        assertEquals(List.of("SHOP_SECURITY_JWT_SIGNINGKEYS"), Templates.secretNames(container(billing)));
        assertTrue(actions(billing).containsAll(List.of("secretsmanager:GetSecretValue", "kms:Decrypt")), actions(billing).toString());

        // The monolith holds billing only while deploy.sh widens it (before traffic moves): the signing keys then, and
        // an execution role that reads no secret at all in the topology's own step.
        JsonNode monolith = Templates.json(files.get("service-monolith.json"));
        JsonNode widened = Templates.resolve(monolith, Map.of("LocalModules", "billing,orders"));
        assertEquals(List.of("SHOP_SECURITY_JWT_SIGNINGKEYS"), Templates.secretNames(container(widened)));
        assertTrue(actions(widened).contains("secretsmanager:GetSecretValue"), actions(widened).toString());
        JsonNode narrow = Templates.resolve(monolith, Map.of("LocalModules", "orders"));
        assertEquals(List.of(), Templates.secretNames(container(narrow)));
        assertFalse(actions(narrow).stream().anyMatch(a -> a.startsWith("secretsmanager") || a.startsWith("kms")),
                actions(narrow).toString());
        assertFalse(files.get("service-monolith.json").contains("5432") || files.get("taskdefs/monolith.json").contains("DATASOURCE"));
    }

    @Test
    void moduleCredentialsOrABootstrapWithoutJdbcAreRefusedSayingWhatToChange() {
        IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
                () -> shopSettings(true).application(null, null, EcsSettings.ABOUT_BLANK, true)
                        .databaseClients(DatabaseClients.NONE));
        assertEquals("moduleDatabases gives each module database credentials, but the application reads no database: its service jars hold neither Spring Boot's JDBC"
                + " (org.springframework.boot:spring-boot-jdbc with org.springframework:spring-jdbc) nor its R2DBC"
                + " (org.springframework.boot:spring-boot-r2dbc with io.r2dbc:r2dbc-spi), so the deployment has no database: leave"
                + " moduleDatabases out, or add the dependency org.springframework.boot:spring-boot-starter-jdbc if the"
                + " application reads a database", credentials.getMessage());
        IllegalArgumentException bootstrap = assertThrows(IllegalArgumentException.class,
                () -> EcsSettings.defaults("shop", "build-db.sh", "../..", ".", "target/services")
                        .application(null, null, EcsSettings.ABOUT_BLANK, false).databaseClients(DatabaseClients.NONE));
        assertTrue(bootstrap.getMessage().startsWith("databaseBootstrapImage makes roles and schemas in the database, but the"
                + " application " + EcsSettings.NO_JDBC), bootstrap.getMessage());
    }

    @Test
    void aTopologysDatabaseSectionsWithoutJdbcAreRefusedEachOnItsLine() {
        Topology topology = Topology.resolve(TopologyFile.parse("""
                name: shop
                services:
                  - { name: monolith, monolith: true }
                  - { name: orders, modules: [orders], database: {} }
                database:
                  multi-az: true
                """, "/shop/topology.yml"), SHOP);
        ExtractionException e = assertThrows(ExtractionException.class, () -> EcsRenderer.render(topology, shopSettings(false)));
        assertEquals(List.of("/shop/topology.yml:4: orders: a database of its own (database:) is where its modules' data"
                        + " moves, but the application " + EcsSettings.NO_JDBC + ", so there is no data to move: remove database: from the service in /shop/topology.yml, or add the"
                        + " dependency org.springframework.boot:spring-boot-starter-jdbc if the application reads a database",
                "/shop/topology.yml:6: database: the section sizes the deployment's PostgreSQL database, but the application"
                        + " " + EcsSettings.NO_JDBC + ", so the deployment has none: remove database: from /shop/topology.yml, or add the dependency"
                        + " org.springframework.boot:spring-boot-starter-jdbc if the application reads a database"),
                e.lines());
        // With JDBC (and module credentials, which an own database needs) the same file renders.
        Map<String, String> files = EcsRenderer.render(topology, shopSettings(true).application(null, null, EcsSettings.ABOUT_BLANK, true));
        assertTrue(files.containsKey("database-orders.json"), files.keySet().toString());
        assertTrue(files.get("base.json").contains("\"MultiAZ\""), "the section's multi-az sizes the shared instance");
    }

    private static JsonNode container(JsonNode template) {
        return template.path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
    }

    /** The execution role's actions, a list of several written as its JSON. */
    private static List<String> actions(JsonNode template) {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : template.path("Resources").path("ExecutionRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement")) {
            JsonNode action = statement.path("Action");
            actions.add(action.isTextual() ? action.asText() : action.toString());
        }
        return actions;
    }
}
