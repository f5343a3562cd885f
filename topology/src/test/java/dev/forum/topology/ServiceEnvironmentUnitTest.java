package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's own environment variables ({@code environment:}): read in the file's order, each mistake one line. */
class ServiceEnvironmentUnitTest {

    private static List<String> mistakes(String yaml) {
        return assertThrows(TopologyException.class, () -> TopologyFile.parse(yaml, "t.yml")).mistakes();
    }

    @Test
    void aServiceHasItsVariablesAsWrittenInOrderAndAServiceWithoutNone() {
        TopologySpec spec = TopologyFile.parse("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    environment:
                      SPRING_MODULITH_EVENTS_JDBC_SCHEMA: posts
                      _TRACE: true
                      PORTS: 8080
                      EMPTY: ''
                """, "t.yml");
        assertEquals(Map.of(), spec.services().get(0).environment());
        Map<String, String> posts = spec.services().get(1).environment();
        assertEquals(List.of("SPRING_MODULITH_EVENTS_JDBC_SCHEMA", "_TRACE", "PORTS", "EMPTY"), List.copyOf(posts.keySet()));
        // A YAML boolean or number is the text written: what the task's variable holds.
        assertEquals(List.of("posts", "true", "8080", ""), List.copyOf(posts.values()));
    }

    @Test
    void everyWrongVariableIsOneLineNamingTheServiceAndTheFix() {
        List<String> mistakes = mistakes("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    environment:
                      spring.modulith.events.completion-mode: archive
                      9LIVES: x
                      EXTRACTION_TOPOLOGY_LOCAL_MODULES: posts
                      NOTHING:
                      LIST: [a, b]
                      TWICE: a
                      TWICE: b
                """);
        assertEquals(List.of(
                "t.yml:6: posts: environment variable name 'spring.modulith.events.completion-mode' must be letters, digits"
                        + " and '_', not starting with a digit (as a shell exports it and Spring Boot reads it) (did you"
                        + " mean SPRING_MODULITH_EVENTS_COMPLETIONMODE?)",
                "t.yml:7: posts: environment variable name '9LIVES' must be letters, digits and '_', not starting with a"
                        + " digit (as a shell exports it and Spring Boot reads it)",
                "t.yml:8: posts: environment variable EXTRACTION_TOPOLOGY_LOCAL_MODULES is one of the run time's topology"
                        + " settings, which the deployment sets from this file itself (the modules a service runs, where"
                        + " the others are): remove it, and change the services' modules instead",
                "t.yml:9: posts: environment variable NOTHING has no value: give it one (write NOTHING: '' for an empty"
                        + " one)",
                "t.yml:10: posts: environment variable LIST must have a single value, not a list or a mapping",
                "t.yml:12: posts: environment variable TWICE appears twice"), mistakes);
    }

    @Test
    void aListOrAMisspeltKeyIsToldWhatToWrite() {
        assertEquals(List.of("t.yml:5: posts: environment must be a mapping of variable names to values, such as"
                + " environment: {SPRING_MODULITH_EVENTS_JDBC_SCHEMA: posts}"), mistakes("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    environment: [SCHEMA=posts]
                """));
        List<String> misspelt = mistakes("""
                services:
                  - { name: monolith, monolith: true }
                  - name: posts
                    modules: [posts]
                    enviroment: {SCHEMA: posts}
                """);
        assertEquals(1, misspelt.size(), misspelt::toString);
        assertEquals("t.yml:5: posts: unknown key 'enviroment': did you mean environment? (known keys: autoscaling,"
                + " count, cpu, database, environment, memory, modules, monolith, name, traffic)", misspelt.get(0));
    }
}
