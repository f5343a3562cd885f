package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import dev.forum.extraction.runtime.topology.Topology;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The log context a request runs in: its id (the caller's when sane), the module owning its route, the client's
 * address; all of it gone once the request is done. The topology is looked up once, not per request. At DEBUG on
 * {@code forum.access}, one line per request, written in that context.
 */
class RequestIdFilterUnitTest {

    private static final ModuleInfo USERS = new ModuleInfo("users", false, List.of("forum.users"), List.of(),
            "/api/users", Set.of(), Map.of(), Map.of());

    @SuppressWarnings("unchecked")
    private final ObjectProvider<Topology> provider = mock(ObjectProvider.class);
    private final Topology topology = mock(Topology.class);
    private final RequestIdFilter filter = new RequestIdFilter(provider);
    /** The log context each request saw inside the filter chain. */
    private final List<Map<String, String>> seen = new ArrayList<>();
    private final FilterChain chain = (request, response) -> seen.add(MDC.getCopyOfContextMap());

    @Test
    void each_request_runs_with_its_id_its_module_and_its_client_and_the_topology_is_looked_up_once() throws Exception {
        when(provider.getIfAvailable()).thenReturn(topology);
        when(topology.moduleOwning("/api/users/1")).thenReturn(Optional.of(USERS));
        when(topology.moduleOwning("/")).thenReturn(Optional.empty());

        MockHttpServletResponse first = run(request("/api/users/1", "caller-id-1"));
        MockHttpServletResponse second = run(request("/", null));

        assertThat(seen.get(0)).containsEntry(RequestIdFilter.REQUEST_ID, "caller-id-1")
                .containsEntry(RequestIdFilter.MODULE, "users").containsEntry(RequestIdFilter.CLIENT_ADDRESS, "10.0.0.7");
        assertThat(first.getHeader(RequestIdFilter.HEADER)).isEqualTo("caller-id-1");
        assertThat(seen.get(1)).doesNotContainKey(RequestIdFilter.MODULE);
        assertThat(seen.get(1).get(RequestIdFilter.REQUEST_ID)).matches("[0-9a-f-]{36}")
                .isEqualTo(second.getHeader(RequestIdFilter.HEADER));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        verify(provider, times(1)).getIfAvailable();
    }

    @Test
    void without_a_topology_no_module_is_named_and_it_is_not_looked_up_again() throws Exception {
        when(provider.getIfAvailable()).thenReturn(null);

        run(request("/api/users", "not sane: spaces"));
        run(request("/api/users", null));

        assertThat(seen).hasSize(2).allSatisfy(context -> assertThat(context).doesNotContainKey(RequestIdFilter.MODULE));
        assertThat(seen.get(0).get(RequestIdFilter.REQUEST_ID)).isNotEqualTo("not sane: spaces").hasSize(36);
        verify(provider, times(1)).getIfAvailable();
    }

    @Test
    void the_access_line_says_method_path_status_and_time_in_the_request_s_log_context() throws Exception {
        when(provider.getIfAvailable()).thenReturn(topology);
        when(topology.moduleOwning("/api/users/1")).thenReturn(Optional.of(USERS));
        Logger access = (Logger) LoggerFactory.getLogger("forum.access");
        // Takes the line's log context as an appender writing it would: logback reads the MDC lazily, and the filter
        // clears it right after logging.
        ListAppender<ILoggingEvent> lines = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent line) {
                line.prepareForDeferredProcessing();
                super.append(line);
            }
        };
        lines.start();
        Level before = access.getLevel();
        access.addAppender(lines);
        access.setLevel(Level.DEBUG);
        try {
            FilterChain teapot = (request, response) -> ((MockHttpServletResponse) response).setStatus(418);
            filter.doFilter(request("/api/users/1", "caller-id-2"), new MockHttpServletResponse(), teapot);
        } finally {
            access.detachAppender(lines);
            access.setLevel(before);
        }

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(line.getFormattedMessage()).matches("GET /api/users/1 -> 418 in \\d+ ms");
            assertThat(line.getMDCPropertyMap()).containsEntry(RequestIdFilter.REQUEST_ID, "caller-id-2")
                    .containsEntry(RequestIdFilter.MODULE, "users").containsEntry(RequestIdFilter.CLIENT_ADDRESS, "10.0.0.7");
        });
    }

    private MockHttpServletRequest request(String path, String requestId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("10.0.0.7");
        if (requestId != null) {
            request.addHeader(RequestIdFilter.HEADER, requestId);
        }
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
