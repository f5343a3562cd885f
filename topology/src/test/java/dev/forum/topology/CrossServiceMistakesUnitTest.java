package dev.forum.topology;

import static dev.forum.topology.TopologyMistakesUnitTest.parseRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The mistakes across a file's services ({@link CrossServiceChecks}): a module in two services or listed twice in one,
 * an unknown module, two services of one name, two monoliths or none. Each is reported with its line once the
 * services are read, in the same build as the file's own mistakes ({@link TopologyMistakesUnitTest}) where the
 * services' readable parts allow.
 */
class CrossServiceMistakesUnitTest {

    private static final String MODULES = "the modules are posts, threads, users";

    @Test
    void everyMistakeAcrossServicesIsReportedOnceTheServicesAreRight() {
        TopologyException error = resolveRefused("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                  - { name: content, modules: [threads, posts, threads] }
                  - { name: big, monolith: true }
                  - { name: posts, modules: [userz] }
                """);
        assertEquals(List.of(
                "t.yml:4: module 'posts' is in two services, 'posts' (line 3) and 'content'; a module runs in one"
                        + " extracted service",
                "t.yml:4: content: module 'threads' is listed twice (also on line 4); list it once",
                "t.yml:5: 'big' and 'monolith' are both marked monolith: true; there is exactly one monolith",
                "t.yml:6: two services are named 'posts' (the other is on line 3); give each a name of its own",
                "t.yml:6: posts: unknown module 'userz' (did you mean users?); " + MODULES), error.mistakes());
        assertEquals("5 mistakes in t.yml:\n" + String.join("\n", error.mistakes()), error.getMessage());

        assertEquals(List.of("t.yml: no monolith: mark one service monolith: true (it holds every module not listed"
                        + " elsewhere and is the default route)",
                "t.yml:3: posts: unknown module 'postz' (did you mean posts?); " + MODULES), resolveRefused("""
                services:
                  - { name: users, modules: [users] }
                  - { name: posts, modules: [postz] }
                """).mistakes(), "the file as a whole first");
    }

    @Test
    void theFilesOwnMistakesComeBeforeTheChecksAcrossServices() {
        // A module in two services and a wrong share: the share is reported; the services are compared once it is right.
        String file = """
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], traffic: 120 }
                  - { name: content, modules: [posts] }
                """;
        assertEquals("t.yml:3: posts: traffic is a share from 0 to 100, not 120", resolveRefused(file).getMessage());
        assertEquals("t.yml:4: module 'posts' is in two services, 'posts' (line 3) and 'content'; a module runs in one"
                + " extracted service", resolveRefused(file.replace("traffic: 120", "traffic: 20")).getMessage());
    }

    /**
     * The services read right are kept with the file's mistakes (for ECS's own checks); a service with a mistake of its
     * own (here the monolith, and content's cpu) is left out of them, but its readable parts are checked across
     * services in the same build: content's module listed twice, its unknown module, a module of another service.
     */
    @Test
    void everyNamedServiceIsCheckedAcrossServicesWithTheFilesMistakes() {
        TopologyException e = parseRefused("""
                services:
                  - { name: monolith, monolith: yes }
                  - { name: posts, modules: [postz] }
                  - { name: content, modules: [threads, threads, userz], cpu: 300 }
                  - { name: people, modules: [users, threads], colour: blue }
                """);
        TopologySpec readRight = e.readRight().orElseThrow();
        assertEquals(List.of("posts"), readRight.services().stream().map(ServiceSpec::name).toList());
        assertEquals(List.of("monolith", "posts", "content", "people"),
                e.outlines().stream().map(ServiceOutline::name).toList());
        assertEquals(List.of(
                "t.yml:3: posts: unknown module 'postz' (did you mean posts?); " + MODULES,
                "t.yml:4: content: module 'threads' is listed twice (also on line 4); list it once",
                "t.yml:4: content: unknown module 'userz' (did you mean users?); " + MODULES,
                "t.yml:5: module 'threads' is in two services, 'content' (line 4) and 'people'; a module runs in one"
                        + " extracted service"),
                CrossServiceChecks.mistakes("t.yml", e.outlines(), TopologyUnitTest.MODULES, false));
        assertEquals(List.of(
                "t.yml:4: content: module 'threads' is listed twice (also on line 4); list it once",
                "t.yml:5: module 'threads' is in two services, 'content' (line 4) and 'people'; a module runs in one"
                        + " extracted service"),
                CrossServiceChecks.mistakes("t.yml", e.outlines(), null, false), "before the modules are known: no unknown module");
        assertEquals(List.of(), CrossServiceChecks.mistakes("t.yml", List.of(ServiceOutline.of(TopologyFile.parse(
                "services:\n  - { name: posts, modules: [posts] }\n", "t.yml").services().get(0))),
                TopologyUnitTest.MODULES, false), "no monolith is no mistake while a service may be left out");
        assertEquals(Optional.empty(), parseRefused("services: [").readRight(), "not YAML: nothing read right");
        assertEquals(List.of(), parseRefused("services: [").outlines(), "not YAML: no service");
    }

    /**
     * The case: a service with an invalid Fargate size and a mistyped module is refused for both in one build,
     * and a service whose monolith flag cannot be read still has its modules checked.
     */
    @Test
    void aServicesOwnMistakeAndItsUnknownModuleAreReportedTogether() {
        TopologyException e = parseRefused("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: catalogue, memory: 300, modules: [postz] }
                  - { name: forum, monolith: maybe, modules: [threads, posts] }
                  - { name: talk, modules: [threads] }
                """);
        assertEquals(List.of(
                "t.yml:3: catalogue: unknown module 'postz' (did you mean posts?); " + MODULES,
                "t.yml:5: module 'threads' is in two services, 'forum' (line 4) and 'talk'; a module runs in one extracted"
                        + " service"),
                CrossServiceChecks.mistakes("t.yml", e.outlines(), TopologyUnitTest.MODULES, false));
    }

    /**
     * A file with no monolith whose services hold other mistakes (trial5's combo.yml): every service says whether it is
     * the monolith, so "no monolith" is reported in the same build; not when one of them cannot say (monolith: maybe).
     */
    @Test
    void noMonolithIsReportedBesideTheServicesOwnMistakes() {
        TopologyException e = parseRefused("""
                services:
                  - { name: main, monolith: false }
                  - { name: posts, modules: [posts], cpu: 300 }
                  - { name: talk, modules: [threads], memory: 3 }
                """);
        assertTrue(e.monolithKnown());
        assertEquals(List.of("t.yml: no monolith: mark one service monolith: true (it holds every module not listed"
                + " elsewhere and is the default route)"),
                CrossServiceChecks.mistakes("t.yml", e.outlines(), null, e.monolithKnown()));
        assertFalse(parseRefused("services:\n  - { name: main, monolith: maybe }\n  - { name: posts, modules: [posts] }\n")
                .monolithKnown(), "a wrong monolith: may be the monolith");
        assertFalse(parseRefused("services:\n  - { monolith: true }\n").monolithKnown(), "a nameless service may be it");
        assertFalse(parseRefused("name: x\n").monolithKnown(), "no services: said once, as no services");
        assertFalse(parseRefused("services:\n  - { name: main, is-monolith: true }\n"
                + "  - { name: posts, modules: [posts] }\n").monolithKnown(), "an unknown key beside no monolith: may be meant as it: no 'no monolith' as well");
    }

    private static TopologyException resolveRefused(String yaml) {
        return assertThrows(TopologyException.class,
                () -> Topology.resolve(TopologyFile.parse(yaml, "t.yml"), TopologyUnitTest.MODULES));
    }
}
