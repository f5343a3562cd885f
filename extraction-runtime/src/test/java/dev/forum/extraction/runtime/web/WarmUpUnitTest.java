package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The warm-up of remote modules' clients: a fresh process used to answer its first write with a 504 because its
 * first call to another module (connection, class loading, JSON binding) took longer than the read timeout under
 * load. The warm-up makes that first call before the process reports ready.
 */
class WarmUpUnitTest {

    @HttpExchange("/api/things")
    interface ThingsApi {
        @GetExchange
        List<String> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                          @RequestParam(name = "offset", defaultValue = "0") int offset);

        @GetExchange("/{id}")
        String get(@PathVariable("id") int id);
    }

    @HttpExchange("/api/other")
    interface WithoutList {
        @GetExchange("/{id}")
        String get(@PathVariable("id") int id);
    }

    private final List<String> calls = new ArrayList<>();

    private Object client(Class<?> api, RuntimeException failure) {
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            calls.add(method.getName() + List.of(args));
            if (failure != null) {
                throw failure;
            }
            return List.of();
        });
    }

    @Test
    void each_remote_modules_list_is_read_through_its_client_with_the_smallest_page() {
        int succeeded = WarmUp.warmUpRemote(Map.of("things", ThingsApi.class), api -> client(api, null), WarmUp.REMOTE_ROUNDS);

        assertThat(succeeded).isEqualTo(3);
        assertThat(calls).containsExactly("list[1, 0]", "list[1, 0]", "list[1, 0]");
    }

    @Test
    void a_module_that_fails_is_called_once_and_the_others_still_warm_up() {
        Map<String, Class<?>> apis = new LinkedHashMap<>();
        apis.put("down", ThingsApi.class);
        apis.put("other", WithoutList.class);
        int succeeded = WarmUp.warmUpRemote(apis, api -> client(api, new IllegalStateException("module down")), 3);

        assertThat(succeeded).isZero();
        assertThat(calls).containsExactly("list[1, 0]");
    }

    @Test
    void an_api_without_a_list_operation_or_without_a_client_is_left_alone() {
        assertThat(WarmUp.warmUpRemote(Map.of("other", WithoutList.class), api -> client(api, null), 3)).isZero();
        assertThat(WarmUp.warmUpRemote(Map.of("things", ThingsApi.class), api -> null, 3)).isZero();
        assertThat(calls).isEmpty();
    }
}
