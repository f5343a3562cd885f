package forum.platform.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.CacheableRead;
import forum.platform.RouteAccess;
import forum.platform.RouteAccess.Caller;
import forum.platform.security.ModuleContract;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.service.annotation.GetExchange;

class CachedReadFilterUnitTest {

    interface PostsApi {
        @CacheableRead
        @RouteAccess(Caller.ANYONE)
        @GetExchange("/in-thread/{id}")
        List<String> inThread(long id);
    }

    /**
     * What a kept {@code []} under {@code /api/posts/in-thread/<n>} really holds on the heap: 305 bytes measured (see
     * {@link CachedReadFilter#ENTRY_OVERHEAD}); 300 here, a little below, so that only a weight that counts the heap
     * the entry takes passes, not one that counts the key's chars and the body's bytes (some 30).
     */
    private static final long REAL_TINY_ENTRY = 300;

    private static final FilterChain EMPTY_LIST = (request, response) -> {
        response.setContentType("application/json");
        response.getOutputStream().write("[]".getBytes(StandardCharsets.UTF_8));
    };

    private final CachedReadFilter filter = new CachedReadFilter(
            CacheableRoutes.of(List.of(new ModuleContract("posts", PostsApi.class, "/api/posts")),
                    module -> () -> 1, List.of()),
            1024 * 1024);

    @Test
    void many_tiny_answers_are_kept_only_as_many_as_their_real_heap_fits() throws Exception {
        for (int thread = 0; thread < 20_000; thread++) {
            MockHttpServletResponse response = get("/api/posts/in-thread/" + thread, null);
            assertThat(response.getContentAsString()).isEqualTo("[]");
        }

        assertThat(filter.keptCount())
                .as("1MB holds at most 1MB / %d tiny answers, not 1MB / (key chars + body bytes)", REAL_TINY_ENTRY)
                .isPositive()
                .isLessThanOrEqualTo(1024 * 1024 / REAL_TINY_ENTRY);
        assertThat(get("/api/posts/in-thread/19999", null).getHeader(CachedReadFilter.CACHE_STATUS))
                .as("the most recent is still kept").isEqualTo("forum; hit");
    }

    @Test
    void distinct_accept_values_share_one_kept_answer() throws Exception {
        assertThat(get("/api/posts/in-thread/1", "application/json").getHeader(CachedReadFilter.CACHE_STATUS))
                .isEqualTo("forum; fwd=miss");
        for (int i = 0; i < 1_000; i++) {
            MockHttpServletResponse response = get("/api/posts/in-thread/1", "application/json;q=0." + i + ", x/y" + i);
            assertThat(response.getHeader(CachedReadFilter.CACHE_STATUS)).isEqualTo("forum; hit");
            assertThat(response.getContentAsString()).isEqualTo("[]");
        }
        assertThat(get("/api/posts/in-thread/1", null).getHeader(CachedReadFilter.CACHE_STATUS)).isEqualTo("forum; hit");

        assertThat(filter.keptCount()).as("the API answers the same bytes whatever Accept says").isEqualTo(1);
    }

    @Test
    void the_weight_counts_every_string_and_array_an_answer_holds() {
        CachedReadFilter.Answer tiny = new CachedReadFilter.Answer(1, new byte[2], "application/json", List.of(),
                "\"0123456789abcdef0123456789abcdef\"");
        String key = "/api/posts/in-thread/123456";
        int weight = CachedReadFilter.weight(key, tiny);
        assertThat(weight).as("at least the heap measured for such an entry").isGreaterThanOrEqualTo(305);

        assertThat(CachedReadFilter.weight(key.replace('1', 'é'), tiny) - weight)
                .as("é is still Latin-1: one byte a char").isZero();
        assertThat(CachedReadFilter.weight(key.replace('1', 'ė'), tiny) - weight)
                .as("ė is not: the key is UTF-16, two bytes a char (27 more, aligned)").isEqualTo(24);
        assertThat(CachedReadFilter.weight(key, new CachedReadFilter.Answer(1, new byte[1002], "application/json",
                List.of(), tiny.etag())) - weight).as("the body's bytes").isEqualTo(1000);

        CachedReadFilter.Answer withHeader = new CachedReadFilter.Answer(1, new byte[2], "application/json",
                List.<String[]>of(new String[] {"Link", "</api/posts?page=2>; rel=\"next\""}), tiny.etag());
        assertThat(CachedReadFilter.weight(key, withHeader) - weight)
                .as("the list's slot, the pair's array, the name's and the value's strings").isEqualTo(8 + 24 + 48 + 72);
    }

    private MockHttpServletResponse get(String path, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, EMPTY_LIST);
        return response;
    }
}
