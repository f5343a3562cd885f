package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class LoadBalancerProblemUnitTest {

    @Test
    void each_answer_is_a_problem_document_of_the_catalogue_with_one_status_each() {
        Set<Integer> statuses = new HashSet<>();
        for (LoadBalancerProblem problem : LoadBalancerProblem.errors()) {
            Map<String, Object> json = new Yaml().load(problem.json()); // JSON is YAML: a parser we already have
            assertEquals(Map.of("type", "urn:forum:problem:" + problem.kind(), "title", problem.title(), "status", problem.status(),
                    "detail", problem.detail()), json);
            assertEquals(true, statuses.add(problem.status()), "one problem per status: " + problem.status());
        }
        assertEquals(Set.of(400, 404, 408, 500, 501, 502, 503, 504), statuses);
    }

    @Test
    void a_non_canonical_path_is_a_400_naming_what_to_fix_and_text_is_escaped() {
        LoadBalancerProblem problem = LoadBalancerProblem.nonCanonicalPath(CanonicalPath.Violation.ENCODED_SEPARATOR);
        assertEquals(CanonicalPath.PROBLEM_TYPE, problem.type());
        assertEquals(400, problem.status());
        assertEquals("{\"type\":\"urn:forum:problem:x\",\"title\":\"a \\\"b\\\" \\\\ c\",\"status\":400,\"detail\":\"line\\u000a\"}",
                new LoadBalancerProblem(400, "x", "a \"b\" \\ c", "line\n").json());
    }
}
