package dev.forum.standin.stand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.standin.support.Checkout;
import dev.forum.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The migration's stages and the order of actions between them, without running anything. */
class MigrationUnitTest {

    private static final Set<String> ALL = Set.of("users", "threads", "posts");
    private final Topology target = Checkout.topology("posts-extracted.yml");
    private final Migration migration = Migration.to(target);

    private Stage stage(String step) {
        return migration.stages().get(migration.indexOf(step));
    }

    @Test
    void the_steps_are_the_tutorials() {
        assertEquals(List.of("start", "0", "10", "50", "100", "done"), migration.stepNames());
        assertEquals(Map.of("monolith", ALL), stage("start").processes());
        assertEquals(Map.of("monolith", ALL, "posts", Set.of("posts")), stage("0").processes());
        assertEquals(0, stage("0").weight("posts", "posts"));
        assertEquals(10, stage("10").weight("posts", "posts"));
        assertEquals(90, stage("10").weight("posts", "monolith"));
        assertEquals(100, stage("100").weight("posts", "posts"));
        assertEquals(Map.of("monolith", ALL, "posts", Set.of("posts")), stage("100").processes(),
                "at 100 % the monolith still holds posts until it is reconfigured");
        assertEquals(Map.of("monolith", Set.of("users", "threads"), "posts", Set.of("posts")), stage("done").processes());
    }

    @Test
    void the_migration_starts_the_service_before_any_weight_and_reconfigures_the_monolith_after_the_last() {
        assertEquals(List.of(new Action.StartService("posts", Set.of("posts"))), Plan.between(stage("start"), stage("0")));
        assertEquals(List.of(new Action.Shift(stage("10").weights())), Plan.between(stage("0"), stage("10")));
        assertEquals(List.of(new Action.Reconfigure("monolith", Set.of("users", "threads"))),
                Plan.between(stage("100"), stage("done")));
    }

    @Test
    void rolling_back_from_done_makes_posts_local_in_the_monolith_before_the_weights_move() {
        List<Action> actions = Plan.between(stage("done"), stage("0"));
        assertEquals(2, actions.size(), actions.toString());
        assertEquals(new Action.Reconfigure("monolith", ALL), actions.get(0));
        assertTrue(actions.get(1) instanceof Action.Shift, actions.toString());
        assertEquals(List.of(new Action.StopService("posts")), Plan.between(stage("0"), stage("start")));
    }

    @Test
    void a_stage_that_sends_traffic_to_a_process_without_the_module_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Stage("bad",
                stage("50").weights(), Map.of("monolith", Set.of("users", "threads"), "posts", Set.of("posts"))));
        assertTrue(e.getMessage().contains("monolith") && e.getMessage().contains("do not hold posts"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Stage("bad", stage("10").weights(), Map.of("monolith", ALL)));
    }

    @Test
    void a_topology_without_an_extracted_service_has_nothing_to_migrate() {
        assertThrows(IllegalArgumentException.class, () -> Migration.to(Checkout.topology("monolith.yml")));
    }

    @Test
    void every_example_topology_has_a_valid_migration() {
        for (String file : List.of("posts-extracted.yml", "posts-canary-10.yml", "posts-and-threads.yml", "all-extracted.yml")) {
            Migration m = Migration.to(Checkout.topology(file));
            for (int i = 1; i < m.stages().size(); i++) {
                Plan.between(m.stages().get(i - 1), m.stages().get(i));
            }
            assertEquals(m.stages().size() - 1, m.position(m.stages().getLast()), file);
        }
    }

    @Test
    void every_stage_keeps_the_services_own_database() {
        Topology own = Checkout.topology("posts-own-database.yml");
        assertEquals(new dev.forum.topology.OwnDatabase("db.t4g.micro", 20), own.extracted().getFirst().database());
        for (Stage stage : Migration.to(own).stages()) {
            assertEquals(own.extracted().getFirst().database(), stage.weights().extracted().getFirst().database(),
                    "stage '" + stage.label() + "'");
        }
        assertEquals(null, target.extracted().getFirst().database(), "posts-extracted.yml: posts stays in the shared one");
    }
}
