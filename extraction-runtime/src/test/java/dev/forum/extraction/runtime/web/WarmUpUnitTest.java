package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.ExpectedCount.times;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
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
        Map<String, Integer> called = RemoteListCalls.warmUp(Map.of("things", ThingsApi.class), api -> client(api, null), RemoteListCalls.ROUNDS, Map.of());

        assertThat(called).containsExactly(Map.entry("things GET /api/things?limit=1&offset=0", 3));
        assertThat(calls).containsExactly("list[1, 0]", "list[1, 0]", "list[1, 0]");
    }

    @Test
    void a_module_that_fails_is_called_once_and_the_others_still_warm_up() {
        Map<String, Class<?>> apis = new LinkedHashMap<>();
        apis.put("down", ThingsApi.class);
        apis.put("other", WithoutList.class);
        Map<String, Integer> called = RemoteListCalls.warmUp(apis, api -> client(api, new IllegalStateException("module down")), 3, Map.of());

        assertThat(called).containsExactly(Map.entry("down GET /api/things?limit=1&offset=0", 0));
        assertThat(calls).containsExactly("list[1, 0]");
    }

    @Test
    void an_api_without_a_list_operation_or_without_a_client_is_left_alone() {
        assertThat(RemoteListCalls.warmUp(Map.of("other", WithoutList.class), api -> client(api, null), 3, Map.of())).isEmpty();
        assertThat(RemoteListCalls.warmUp(Map.of("things", ThingsApi.class), api -> null, 3, Map.of())).isEmpty();
        assertThat(calls).isEmpty();
    }

    /** A Spring Data-like list: a page of size 0 is refused (500 on the remote module), so neither may be sent. */
    @HttpExchange("/api/pages")
    interface PagedApi {
        @GetExchange
        List<String> list(@RequestParam(name = "page", required = false) Integer page,
                          @RequestParam(name = "size", required = false) Integer size);
    }

    @HttpExchange("/api/limited")
    interface LimitedApi {
        @GetExchange
        List<String> list(@RequestParam(name = "limit", required = false) Integer limit,
                          @RequestParam(name = "after", required = false) Long after);
    }

    @HttpExchange("/api/search")
    interface RequiredParameterApi {
        @GetExchange
        List<String> search(@RequestParam(name = "limit") int limit, @RequestParam(name = "query") String query);

        @GetExchange
        List<String> page(@RequestParam(name = "limit") int limit, @RequestParam(name = "size", required = false) int size);
    }

    private static <T> T httpClient(Class<T> api, RestClient.Builder builder) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(builder.baseUrl("http://remote").build()))
                .build().createClient(api);
    }

    @Test
    void a_list_of_optional_page_and_size_is_called_with_neither_so_the_remote_module_applies_its_defaults() {
        RestClient.Builder builder = RestClient.builder();
        MockRestServiceServer remote = MockRestServiceServer.bindTo(builder).build();
        remote.expect(times(3), requestTo("http://remote/api/pages")).andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("[]", org.springframework.http.MediaType.APPLICATION_JSON));
        PagedApi client = httpClient(PagedApi.class, builder);

        assertThat(RemoteListCalls.warmUp(Map.of("pages", PagedApi.class), api -> client, 3, Map.of())).containsExactly(Map.entry("pages GET /api/pages", 3));
        remote.verify();
    }

    @Test
    void limit_is_sent_as_1_and_every_other_optional_parameter_is_left_out() {
        RestClient.Builder builder = RestClient.builder();
        MockRestServiceServer remote = MockRestServiceServer.bindTo(builder).build();
        remote.expect(requestTo("http://remote/api/limited?limit=1"))
                .andRespond(withSuccess("[]", org.springframework.http.MediaType.APPLICATION_JSON));
        LimitedApi client = httpClient(LimitedApi.class, builder);

        assertThat(RemoteListCalls.warmUp(Map.of("limited", LimitedApi.class), api -> client, 1, Map.of()))
                .containsExactly(Map.entry("limited GET /api/limited?limit=1", 1));
        remote.verify();
    }

    @Test
    void an_operation_with_a_required_parameter_other_than_limit_is_not_called() {
        assertThat(RemoteListCalls.listCall(RequiredParameterApi.class)).isNull();
        assertThat(RemoteListCalls.warmUp(Map.of("search", RequiredParameterApi.class), api -> client(api, null), 3, Map.of())).isEmpty();
        assertThat(calls).isEmpty();
    }

    /** A list operation without parameters may read a whole table: the warm-up leaves it alone. */
    @HttpExchange("/api/venues")
    interface ParameterlessListApi {
        @GetExchange("/{id}")
        String get(@PathVariable("id") long id);

        @GetExchange
        List<String> list();
    }

    /** Both forms: the one that takes a limit is the smaller read, and is the one called. */
    @HttpExchange("/api/both")
    interface BothListsApi {
        @GetExchange
        List<String> all();

        @GetExchange
        List<String> page(@RequestParam(name = "limit", required = false) Integer limit);
    }

    @Test
    void a_list_operation_without_parameters_is_never_called_since_it_may_read_a_whole_table() {
        assertThat(RemoteListCalls.listCall(ParameterlessListApi.class)).isNull();
        assertThat(RemoteListCalls.warmUp(Map.of("venues", ParameterlessListApi.class), api -> client(api, null), 3, Map.of()))
                .isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void of_a_list_with_a_limit_and_one_without_parameters_the_one_with_the_limit_is_called() {
        assertThat(RemoteListCalls.listCall(BothListsApi.class).getKey().getName()).isEqualTo("page");
        assertThat(RemoteListCalls.warmUp(Map.of("both", BothListsApi.class), api -> client(api, null), 1, Map.of()))
                .containsExactly(Map.entry("both GET /api/both?limit=1", 1));
        assertThat(calls).containsExactly("page[1]");
    }

    @Test
    void the_log_line_names_only_the_contracts_the_warm_up_called() {
        Map<String, Class<?>> apis = new LinkedHashMap<>();
        apis.put("things " + ThingsApi.class.getName(), ThingsApi.class);
        apis.put("other " + WithoutList.class.getName(), WithoutList.class);
        apis.put("search " + RequiredParameterApi.class.getName(), RequiredParameterApi.class);

        assertThat(RemoteListCalls.calledContracts(RemoteListCalls.warmUp(apis, api -> client(api, null), 3, Map.of())))
                .isEqualTo("1 remote contract (things " + ThingsApi.class.getName() + " GET /api/things?limit=1&offset=0; 3 calls)");
    }

    /** The warm-up's question about a 404 from no application (WarmUpRemoteAnswersTest) is asked only for such a URL. */
    @Test
    void aModulesUrlLacksTheContextPathWhenItsPathDoesNotEndWithIt() {
        assertThat(WarmUp.lacksContextPath(URI.create("http://people:8080"), "/hr")).isTrue();
        assertThat(WarmUp.lacksContextPath(URI.create("http://people:8080/xhr"), "/hr")).isTrue();
        assertThat(WarmUp.lacksContextPath(URI.create("http://people:8080/hr"), "/hr")).isFalse();
        assertThat(WarmUp.lacksContextPath(URI.create("http://people:8080/hr/"), "/hr")).isFalse();
        assertThat(WarmUp.lacksContextPath(URI.create("http://gateway:8080/people/hr"), "/hr")).isFalse();
        assertThat(WarmUp.lacksContextPath(URI.create("http://people:8080"), "")).isFalse();
    }
}
