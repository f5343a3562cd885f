package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The names of a module's replication objects ({@link MoveSettings}, labels of {@link Endpoint}) read one way only:
 * a module name has no {@code _} and a label no word {@code to}, so a name {@code forum_move_<module>_<from>_to_<to>}
 * tells its module and its pair.
 */
class ReplicationNamesUnitTest {

    @Test
    void aModuleNameWithAnUnderscoreIsRefusedInOneLine() {
        assertEquals("module 'posts_x' is not a module name: use 1-21 lower-case letters or digits, starting with a letter,"
                + " no _ (the move's names forum_move_<module>_<from>_to_<to> would not tell a module posts_x from posts)",
                assertThrows(MoveException.class, () -> settings("posts_x")).getMessage());
        assertEquals("forum_move_posts2", settings("posts2").publication());
    }

    @Test
    void aLabelWithTheWordToIsRefusedInOneLine() {
        for (String label : List.of("to", "a_to", "to_b", "a_to_b")) {
            assertEquals("database label '" + label + "' is not valid: the word 'to' in it would make the move's names"
                    + " forum_move_<module>_<from>_to_<to> ambiguous; choose a label without it (e.g. shared, posts_own)",
                    assertThrows(MoveException.class, () -> endpoint(label)).getMessage());
        }
        for (String label : List.of("tokyo", "a_tor", "photo", "x_to2", "posts_own")) {
            assertEquals(label, endpoint(label).label());
        }
    }

    @Test
    void aNameTellsItsPairAndOnlyTheModulesNamesAreItsOwn() {
        MoveSettings posts = settings("posts");
        assertEquals(List.of("forum_move_posts_shared_to_own", "forum_move_posts_own_to_shared"),
                posts.pairNames(endpoint("shared"), endpoint("own")));
        assertArrayEquals(new String[] {"shared", "third"}, posts.direction("forum_move_posts_shared_to_third"));
        assertArrayEquals(new String[] {"x_shared", "own"}, posts.direction("forum_move_posts_x_shared_to_own"));
        assertArrayEquals(new String[] {"a_tor", "photo"}, posts.direction("forum_move_posts_a_tor_to_photo"));
        assertNull(posts.direction("forum_move_postsx_shared_to_own"), "another module's");
        assertNull(posts.direction("forum_move_posts_shared"), "no pair");
        assertNull(posts.direction("forum_move_posts_a_to_to_b"), "not a name a move makes");
        assertEquals("forum!_move!_posts!_%", posts.namePattern());
    }

    private static MoveSettings settings(String module) {
        return MoveSettings.of(module, "forum_" + module + "_owner", "pw", "forum_" + module, "classpath:db/migration/" + module);
    }

    private static Endpoint endpoint(String label) {
        return new Endpoint(label, "127.0.0.1", 5432, "forum", "postgres", "pw");
    }
}
