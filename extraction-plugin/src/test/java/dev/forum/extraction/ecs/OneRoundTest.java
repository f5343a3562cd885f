package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.topology.TopologyFile;
import dev.forum.topology.TopologySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user who makes several mistakes at once learns them all in one run: every setting that is wrong, and the ECS
 * deployment's mistakes of a file whose modules do not check out yet (the ecs goal reports them with the file's).
 */
class OneRoundTest {

    @Test
    void everyWrongSettingIsNamedAtOnce() {
        SettingsMismatch e = assertThrows(SettingsMismatch.class, () -> new EcsSettings(3000, 3000, "health", "/hr/", 20, 120, 1,
                null, "/app/rds/global-bundle.pem", "deploy/build.sh", "../..", ".", "target/services", "prod",
                "urn:shop:problem:", true, DatabaseClients.NONE, Map.of(), "shop", "topology.yml"));
        assertEquals(List.of("managementPort 3000 must be a port other than 3000",
                "healthCheckPath must start with '/': health",
                "contextPath is \"\" or a path such as /hr (segments of letters, digits, . _ ~ -), not '/hr/'",
                "stopTimeout is 2-120 seconds on Fargate, not 1",
                "moduleDatabases gives each module database credentials, but the application " + EcsSettings.NO_JDBC
                        + ", so the deployment has no database: leave moduleDatabases out, or add the dependency "
                        + EcsSettings.JDBC_STARTER + " if the application reads a database",
                "databaseBootstrapImage makes roles and schemas in the database, but the application " + EcsSettings.NO_JDBC
                        + ", so the deployment has no database: leave databaseBootstrapImage out, or add the dependency "
                        + EcsSettings.JDBC_STARTER + " if the application reads a database"), e.problems());
    }

    /** The file as written is enough: an unknown module ('ordres') does not hide these. */
    @Test
    void theDeploymentsMistakesAreFoundOnTheFileAsWritten() {
        TopologySpec spec = TopologyFile.parse("""
                name: shop
                database:
                  multi-az: true
                services:
                  - { name: monolith, monolith: true, count: 1 }
                  - name: base
                    modules: [ordres]
                    database: { instance: db.t4g.micro }
                """, "t.yml");
        assertEquals(List.of(
                "t.yml:3: database: the section sizes the deployment's PostgreSQL database, but the application "
                        + EcsSettings.NO_JDBC + ", so the deployment has none: remove database: from t.yml, or add the"
                        + " dependency " + EcsSettings.JDBC_STARTER + " if the application reads a database",
                "t.yml:5: monolith: ECS runs at least 2 tasks of a service (one per availability zone, so that a deployment"
                        + " or a lost zone never leaves its routes without a task): set count: 2 (and autoscaling min: 2)",
                "t.yml:6: base: the name 'base' is taken by the shop-base stack or task; rename the service",
                "t.yml:6: base: a database of its own (database:) is where its modules' data moves, but the application "
                        + EcsSettings.NO_JDBC + ", so there is no data to move: remove database: from the service in"
                        + " t.yml, or add the dependency " + EcsSettings.JDBC_STARTER + " if the application reads a database"),
                EcsRenderer.mistakes(spec, DatabaseClients.NONE, false, "shop", false, false));
        assertEquals(List.of(), EcsRenderer.mistakes(TopologyFile.parse("""
                services:
                  - { name: monolith, monolith: true }
                """, "t.yml"), DatabaseClients.NONE, false, "app", false, false));
    }
}
