package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictQueryParametersUnitTest {

    @Test
    void a_query_string_is_read_as_spring_reads_it() {
        assertThat(StrictQueryParameters.parse(null)).isEmpty();
        assertThat(StrictQueryParameters.parse("")).isEmpty();
        assertThat(StrictQueryParameters.parse("limit=5&offset=10")).isEqualTo(Map.of("limit", List.of("5"), "offset", List.of("10")));
        assertThat(StrictQueryParameters.parse("lim%69t=5")).containsOnlyKeys("limit");
        assertThat(StrictQueryParameters.parse("limit=5&limit=6")).containsEntry("limit", List.of("5", "6"));
        assertThat(StrictQueryParameters.parse("limit")).containsEntry("limit", List.of(""));
        assertThat(StrictQueryParameters.parse("limit=&&offset=1")).containsEntry("limit", List.of("")).containsKey("offset");
        assertThat(StrictQueryParameters.parse("a+b=c%20d")).containsEntry("a b", List.of("c d"));
    }
}
