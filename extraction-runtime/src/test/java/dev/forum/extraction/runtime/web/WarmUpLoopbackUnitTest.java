package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * What the remote warm-up sends, read by a real HTTP server on loopback from a real HTTP-interface client: in, a list
 * operation's parameters (with and without a {@code defaultValue}, primitive, boxed, {@code Optional}); out, the
 * request line's target the server received, which is the request the warm-up names in its log line.
 */
class WarmUpLoopbackUnitTest {

    /** The forum's lists: limit and offset with default values. */
    @HttpExchange("/api/users")
    interface ForumListApi {
        @GetExchange
        List<String> list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                          @RequestParam(name = "offset", defaultValue = "0") int offset);
    }

    /** Optional parameters with and without a default value, boxed and {@code Optional}. */
    @HttpExchange("/api/mixed")
    interface MixedApi {
        @GetExchange
        List<String> list(@RequestParam(name = "sort", required = false, defaultValue = "name,asc") String sort,
                          @RequestParam(name = "after", required = false) Long after,
                          @RequestParam(name = "limit", required = false) Integer limit,
                          @RequestParam(name = "page") Optional<Integer> page,
                          @RequestParam(name = "size", defaultValue = "20") Optional<Integer> size);
    }

    private LoopbackHttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start();
        for (String path : List.of("/api/users", "/api/mixed")) {
            server.route(path, (request, hit) -> {
                received.add(request.method() + " " + request.path());
                return new LoopbackHttpServer.Response(200, "[]", Map.of("Content-Type", "application/json"));
            });
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private <T> T client(Class<T> api) {
        RestClient rest = RestClient.builder().baseUrl(server.baseUrl()).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(api);
    }

    @Test
    void theForumsListsGetLimit1AndTheContractsDefaultOffsetWhichTheLogLineNames() {
        Map<String, Integer> called = RemoteListCalls.warmUp(Map.of("users", ForumListApi.class), api -> client(ForumListApi.class), 1, Map.of());

        assertThat(received).containsExactly("GET /api/users?limit=1&offset=0");
        assertThat(called).containsExactly(Map.entry("users " + received.get(0), 1));
    }

    @Test
    void aParameterWithADefaultValueIsSentAtItAndOneWithoutIsNotSentAtAll() {
        Map<String, Integer> called = RemoteListCalls.warmUp(Map.of("mixed", MixedApi.class), api -> client(MixedApi.class), 1, Map.of());

        assertThat(received).containsExactly("GET /api/mixed?sort=name%2Casc&limit=1&size=20");
        assertThat(called).containsExactly(Map.entry("mixed " + received.get(0), 1));
    }
}
