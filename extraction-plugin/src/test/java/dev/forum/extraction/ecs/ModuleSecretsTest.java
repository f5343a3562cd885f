package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two secrets per module (runtime and owner role) exist only where something reads them: the tasks, with module
 * credentials ({@code moduleDatabases}), or the bootstrap task that creates the roles. An application with Spring's one
 * datasource and no bootstrap reads the admin secret only, so its base stack keeps no module secret (least privilege and
 * no unused resources: a password of a role that is never created).
 */
class ModuleSecretsTest {

    private static final List<ModuleRoute> SHOP = List.of(new ModuleRoute("billing", "/api/billing"),
            new ModuleRoute("orders", "/api/orders"));

    private static final Topology TOPOLOGY = Topology.resolve(TopologyFile.parse("""
            name: shop
            services:
              - { name: monolith, monolith: true }
              - { name: orders, modules: [orders] }
            """, "/shop/topology.yml"), SHOP);

    private static EcsSettings settings(String bootstrap, boolean moduleDatabases) {
        return EcsSettings.defaults("shop", bootstrap, "../..", ".", "target/services")
                .application(null, null, EcsSettings.ABOUT_BLANK, moduleDatabases).databaseClients(DatabaseClients.JDBC);
    }

    /** The templates, checked against the CloudFormation spec and each import against an export; the base stack's secrets. */
    private static List<String> secrets(Map<String, String> files) {
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
        JsonNode base = Templates.json(files.get("base.json"));
        return new ArrayList<>(Templates.idsOfType(base, "AWS::SecretsManager::Secret").keySet());
    }

    @Test
    void oneDatasourceWithoutBootstrapKeepsNoModuleSecret() {
        Map<String, String> files = EcsRenderer.render(TOPOLOGY, settings(null, false));
        assertEquals(List.of(), secrets(files), "the admin secret is RDS's own; nothing reads a module role's");
        JsonNode base = Templates.json(files.get("base.json"));
        assertEquals("Encrypts the shop application's secrets (database admin)",
                Templates.ofType(base, "AWS::KMS::Key").get(0).path("Properties").path("Description").asText());
        List<String> outputs = new ArrayList<>();
        base.path("Outputs").fieldNames().forEachRemaining(outputs::add);
        assertEquals(List.of(), outputs.stream().filter(o -> o.startsWith("DatabaseSecret") || o.startsWith("OwnerSecret")).toList());
        for (String task : List.of("taskdefs/monolith.json", "taskdefs/orders.json")) {
            JsonNode container = Templates.json(files.get(task)).path("containerDefinitions").path(0);
            List<String> from = new ArrayList<>();
            container.path("secrets").forEach(s -> from.add(s.path("valueFrom").asText()));
            assertEquals(List.of("${DATABASE_ADMIN_SECRET_ARN}:username::", "${DATABASE_ADMIN_SECRET_ARN}:password::"), from, task);
        }
    }

    @Test
    void theBootstrapOrModuleCredentialsKeepBothSecretsOfEveryModule() {
        List<String> both = List.of("DatabaseSecretBilling", "OwnerSecretBilling", "DatabaseSecretOrders", "OwnerSecretOrders");
        Map<String, String> bootstrap = EcsRenderer.render(TOPOLOGY, settings("build-db.sh", false));
        assertEquals(both, secrets(bootstrap), "the bootstrap sets each role's password from them");
        assertEquals(both, secrets(EcsRenderer.render(TOPOLOGY, settings(null, true))), "the tasks read them");
    }
}
