package forum.platform.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives a {@link forum.platform.CacheableRead} route's 200 answer again, bytes and headers, while its module's data
 * version is the one the answer was read at. Every such request first reads that version from the module's database
 * (one query); a write committed before it, in any process, has raised it, so the answer is read afresh: the
 * freshness bound is zero, read-your-writes included, whichever process a load balancer sends a read to. Answers are
 * keyed by path, query and {@code Accept}, kept up to a total size in bytes (least recently used first out).
 *
 * <p>Runs after every other filter (observation, request id and access log, Spring Security), so a kept answer is
 * still traced, logged, authorized and given the security headers; what it saves is Spring MVC, the module's code,
 * its query and Jackson. Says what it did in {@code Cache-Status} (RFC 9211): {@code forum; hit}, or
 * {@code forum; fwd=miss} (or {@code fwd=stale} when the version moved on).
 */
final class CachedReadFilter extends OncePerRequestFilter {

    static final String CACHE_STATUS = "Cache-Status";
    /** Headers an answer may not be kept with: they belong to one client or one exchange. */
    private static final Set<String> NEVER_KEPT = Set.of("set-cookie", "date", "x-request-id", "content-length",
            "cache-status", "transfer-encoding", "connection", "keep-alive");

    /** One kept answer: the version it was read at, its body, its Content-Type and the other headers set with it. */
    record Answer(long version, byte[] body, String contentType, List<String[]> headers) {
    }

    private final CacheableRoutes routes;
    private final Cache<String, Answer> answers;
    private final long maxAnswerBytes;

    /**
     * @param routes   the cacheable routes of the local modules
     * @param maxBytes the most bytes of bodies kept in all (an answer above a tenth of it is never kept)
     */
    CachedReadFilter(CacheableRoutes routes, long maxBytes) {
        this.routes = routes;
        this.maxAnswerBytes = maxBytes / 10;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> key.length() + answer.body().length)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CacheableRoutes.Route route = routes.match(request.getRequestURI());
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        long version;
        try {
            version = route.version().get().current();
        } catch (DataAccessException unreadable) {
            // The database is down or moving: the route itself answers as it would without a cache (its 503 problem).
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String key = request.getRequestURI() + (query == null ? "" : "?" + query) + "\n" + (accept == null ? "" : accept);
        Answer kept = answers.getIfPresent(key);
        if (kept != null && kept.version() == version) {
            give(kept, route, request, response);
            return;
        }
        response.setHeader(CACHE_STATUS, kept == null ? "forum; fwd=miss" : "forum; fwd=stale");
        Set<String> before = lowerCase(response.getHeaderNames());
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        // An exception passes through unanswered, for the container's error handling to answer.
        chain.doFilter(request, wrapper);
        Answer answer = keepable(wrapper, before, version);
        if (answer != null) {
            answers.put(key, answer);
        }
        wrapper.copyBodyToResponse();
    }

    /** The answer as it may be kept, or null: only a 200 of a size worth keeping that no header says not to keep. */
    private Answer keepable(ContentCachingResponseWrapper wrapper, Set<String> before, long version) {
        if (wrapper.getStatus() != HttpServletResponse.SC_OK || wrapper.getContentSize() > maxAnswerBytes) {
            return null;
        }
        String cacheControl = wrapper.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"))) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        for (String name : wrapper.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("set-cookie")) {
                return null;
            }
            if (!before.contains(lower) && !NEVER_KEPT.contains(lower) && !lower.equals("content-type")) {
                for (String value : wrapper.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        return new Answer(version, wrapper.getContentAsByteArray(), wrapper.getContentType(), List.copyOf(headers));
    }

    private static void give(Answer answer, CacheableRoutes.Route route, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        // The request's metrics and trace name the route, as Spring MVC would have told them.
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(route.pattern().getPatternString()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(CACHE_STATUS, "forum; hit");
        for (String[] header : answer.headers()) {
            response.addHeader(header[0], header[1]);
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static Set<String> lowerCase(Iterable<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
