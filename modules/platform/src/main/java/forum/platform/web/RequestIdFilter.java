package forum.platform.web;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@code X-Request-Id}: the caller's if it sent a sane one, else a new one),
 * answers with it, and puts it, the module that owns the route and the client's address (as the load balancer
 * reports it) into the log context, so one request can be followed across processes; the verified caller is
 * added once security has run (forum.platform.security). Remote calls pass the id on.
 */
@Component
@Order(RequestIdFilter.ORDER)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The log context of a request (MDC keys): its id, its module, its client's address, its verified caller. */
    public static final String REQUEST_ID = "requestId";
    public static final String MODULE = "module";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String USER_ID = "userId";
    /** Just inside Spring Boot's observation filter (highest precedence + 1), so log lines carry the trace id. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** One line per request at DEBUG ({@code logging.level.forum.access=debug}): off by default, it costs throughput. */
    private static final Logger access = LoggerFactory.getLogger("forum.access");

    private final ObjectProvider<Topology> topology;
    /**
     * The topology, looked up on the first request rather than on each: the bean factory's lookup behind
     * {@link ObjectProvider#getIfAvailable()} was about 4 % of a request's CPU (BENCHMARKS.md, "Seventh round").
     * Null until then; an empty Optional when the application has no topology.
     */
    private volatile Optional<Topology> here;

    /** @param topology this process's topology (extraction-runtime), when the application carries module metadata */
    public RequestIdFilter(ObjectProvider<Topology> topology) {
        this.topology = topology;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(HEADER);
        if (requestId == null || !SANE.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        response.setHeader(HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CLIENT_ADDRESS, request.getRemoteAddr());
        topology().flatMap(here -> here.moduleOwning(request.getRequestURI()))
                .map(ModuleMetadata.ModuleInfo::name).ifPresent(module -> MDC.put(MODULE, module));
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isDebugEnabled()) {
                // Joined here, not with '{}' placeholders: SLF4J's MessageFormatter parsed the pattern on every
                // request, as much CPU as the whole JSON line (BENCHMARKS.md, "Twenty-fourth round").
                access.debug(request.getMethod() + " " + request.getRequestURI() + " -> " + response.getStatus() + " in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
            MDC.remove(REQUEST_ID);
            MDC.remove(MODULE);
            MDC.remove(CLIENT_ADDRESS);
            MDC.remove(USER_ID);
        }
    }

    private Optional<Topology> topology() {
        Optional<Topology> resolved = here;
        if (resolved == null) {
            // Two first requests may both look it up; they find the same bean.
            resolved = Optional.ofNullable(topology.getIfAvailable());
            here = resolved;
        }
        return resolved;
    }
}
