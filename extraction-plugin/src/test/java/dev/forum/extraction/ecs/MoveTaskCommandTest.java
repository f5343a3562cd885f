package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The move tasks' command lines as data-move's own parser reads them ({@code dev.forum.datamove.cli.Main.parse}, the
 * move image's entry point), so the rendered tasks and the image cannot drift apart. data-move is Java 25 and this
 * plugin Java 17, so its parser is called by reflection (the tests run on JDK 25); the stack's addresses (imports and
 * attributes CloudFormation fills in) are given example values.
 */
class MoveTaskCommandTest {

    private static final Map<String, String> ADDRESSES = Map.of(
            "forum-base-DatabaseHost", "shared.abc.eu-west-1.rds.amazonaws.com", "forum-base-DatabasePort", "5432",
            "Endpoint.Address", "posts.abc.eu-west-1.rds.amazonaws.com", "Endpoint.Port", "5433");
    private static final Map<String, String> PASSWORDS = Map.of("FORUM_MOVE_SOURCE_PASSWORD", "source-secret",
            "FORUM_MOVE_TARGET_PASSWORD", "target-secret", "FORUM_MOVE_OWNER_PASSWORD", "owner-secret");

    @Test
    void dataMoveReadsTheTasksAsAMoveOfPostsBetweenSharedAndOwnAndItsDropVerifiedAgainstTheImagesBundle() throws Exception {
        JsonNode own = Templates.resolve(Templates.json(Templates.render(ForumTopologies.topology(OwnDatabaseTemplates.POSTS_OWN))
                .get("database-posts.json")), Map.of("MoveImage", "repo@sha256:" + "0".repeat(64)));

        Object forward = parse(command(own, "MoveTaskPosts"), PASSWORDS);
        assertEquals("move", call(forward, "command"));
        assertEndpoint(call(forward, "source"), "shared", "shared.abc.eu-west-1.rds.amazonaws.com", 5432, "source-secret");
        assertEndpoint(call(forward, "target"), "own", "posts.abc.eu-west-1.rds.amazonaws.com", 5433, "target-secret");
        Object settings = call(forward, "settings");
        assertEquals("posts", call(settings, "module"));
        assertEquals("forum_posts_owner", call(settings, "ownerRole"));
        assertEquals("owner-secret", call(settings, "ownerPassword"));
        assertEquals("forum_posts", call(settings, "runtimeRole"));
        assertEquals("classpath:db/migration/posts", call(settings, "migrations"));

        Object back = parse(command(own, "MoveBackTaskPosts"), PASSWORDS);
        assertEndpoint(call(back, "source"), "own", "posts.abc.eu-west-1.rds.amazonaws.com", 5433, "source-secret");
        assertEndpoint(call(back, "target"), "shared", "shared.abc.eu-west-1.rds.amazonaws.com", 5432, "target-secret");
        assertEquals("posts", call(call(back, "settings"), "module"));
        assertEquals(true, call(back, "thenDropSource"), "a rollback ends with the own copy dropped");
        assertEquals(false, call(forward, "thenDropSource"), "the move keeps the way back until the operator's drop");

        Object drop = parse(command(own, "DropSourceTaskPosts"), PASSWORDS);
        assertEquals("drop-source", call(drop, "command"));
        assertEndpoint(call(drop, "source"), "shared", "shared.abc.eu-west-1.rds.amazonaws.com", 5432, "source-secret");
        assertEndpoint(call(drop, "target"), "own", "posts.abc.eu-west-1.rds.amazonaws.com", 5433, "target-secret");
    }

    @Test
    void theParserRefusesWhatTheTasksMustNotDo() {
        // The same parser refuses an option it does not know: a task rendered with one would fail at the first run.
        List<String> unknown = new ArrayList<>(List.of("move", "--module", "posts", "--source", "shared@h:5432/forum",
                "--source-user", "forum_admin", "--target", "own@h2:5432/forum", "--target-user", "forum_admin",
                "--owner", "forum_posts_owner", "--migrations", "classpath:db/migration/posts", "--sslmode", "verify-full"));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> parse(unknown, PASSWORDS));
        assertEquals("unknown option '--sslmode'", refused.getMessage());
    }

    private static void assertEndpoint(Object endpoint, String label, String host, int port, String password) throws Exception {
        assertEquals(label, call(endpoint, "label"));
        assertEquals(host, call(endpoint, "host"));
        assertEquals(port, call(endpoint, "port"));
        assertEquals("forum", call(endpoint, "database"));
        assertEquals("forum_admin", call(endpoint, "user"));
        assertEquals(password, call(endpoint, "password"));
        assertEquals(EcsSettings.DEFAULT_RDS_CA_BUNDLE, call(endpoint, "sslRootCert"), "verified against the image's bundle");
        assertEquals(true, call(endpoint, "verifiesServer"));
    }

    /** The container's command with every intrinsic function replaced by its example value. */
    private static List<String> command(JsonNode template, String task) {
        JsonNode container = template.path("Resources").path(task).path("Properties").path("ContainerDefinitions").path(0);
        List<String> args = new ArrayList<>();
        container.path("Command").forEach(arg -> args.add(text(arg)));
        assertTrue(args.size() > 1, task + ": " + container);
        return args;
    }

    private static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            node.path("Fn::Join").path(1).forEach(part -> joined.append(text(part)));
            return joined.toString();
        }
        String key = node.has("Fn::ImportValue") ? node.path("Fn::ImportValue").asText() : node.path("Fn::GetAtt").path(1).asText();
        String value = ADDRESSES.get(key);
        assertTrue(value != null, "an example value for " + node);
        return value;
    }

    private static Object parse(List<String> args, Map<String, String> environment) throws Exception {
        Method parse = Class.forName("dev.forum.datamove.cli.Main").getMethod("parse", String[].class, Map.class);
        try {
            return parse.invoke(null, args.toArray(String[]::new), environment);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Object call(Object target, String accessor) throws Exception {
        return target.getClass().getMethod(accessor).invoke(target);
    }
}
