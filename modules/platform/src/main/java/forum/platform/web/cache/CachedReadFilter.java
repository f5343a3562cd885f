package forum.platform.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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
 * version is the one the answer was read at (a fixed answer, such as {@code /}, depends on no data: it is kept at one
 * version for the life of the process, without a query). Every such request first reads that version from the module's database
 * (one query); a write committed before it, in any process, has raised it, so the answer is read afresh: the
 * freshness bound is zero, read-your-writes included, whichever process a load balancer sends a read to. Answers are
 * keyed by path, query and {@code Accept}, kept up to a total size in bytes (least recently used first out).
 *
 * <p>Runs after every other filter (observation, request id and access log, Spring Security), so a kept answer is
 * still traced, logged, authorized and given the security headers; what it saves is Spring MVC, the module's code,
 * its query and Jackson. Says what it did in {@code Cache-Status} (RFC 9211): {@code forum; hit}, or
 * {@code forum; fwd=miss} (or {@code fwd=stale} when the version moved on).
 *
 * <p>So that clients gain too (RFC 9111): a kept answer carries a strong {@code ETag} made from its bytes (the same
 * in every process that read the same data), {@code Cache-Control: no-cache} unless its route set its own (a client or
 * shared cache may store it but must ask again before each use, which a zero freshness bound needs; in place of
 * Spring Security's default {@code no-store}) and {@code Vary: Accept}, against which a request's {@code If-None-Match}
 * (a 304 without a body when it matches, whether the answer was kept or read afresh: the bytes are still the
 * client's) and {@code If-Match} are evaluated ({@code forum.platform.web.ConditionalReadFilter}, just before this).
 * {@code HEAD} shares {@code GET}'s kept answers and is given the same headers, without the body.
 */
final class CachedReadFilter extends OncePerRequestFilter {

    static final String CACHE_STATUS = "Cache-Status";
    /** Headers an answer may not be kept with: they belong to one client or one exchange. */
    private static final Set<String> NEVER_KEPT = Set.of("set-cookie", "date", "x-request-id", "content-length",
            "cache-status", "transfer-encoding", "connection", "keep-alive", "etag", "vary");

    /**
     * One kept answer: the version it was read at, its body, its Content-Type, the other headers set with it and its
     * entity tag ({@code "<32 hex digits>"}, the first 128 bits of the body's SHA-256).
     */
    record Answer(long version, byte[] body, String contentType, List<String[]> headers, String etag) {
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
        // HEAD is GET without the body (RFC 9110 9.3.2): the same kept answer, the same validators and 304.
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
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
            version = route.version().getAsLong();
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
        BufferedAnswer wrapper = new BufferedAnswer(response);
        // An exception passes through unanswered, for the container's error handling to answer.
        chain.doFilter(request, wrapper);
        Answer answer = keepable(wrapper, before, version);
        if (answer != null) {
            answers.put(key, answer);
            validators(answer, wrapper);
        }
        wrapper.sendBody();
    }

    /** The answer as it may be kept, or null: only a 200 of a size worth keeping that no header says not to keep. */
    private Answer keepable(BufferedAnswer wrapper, Set<String> before, long version) {
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
        byte[] body = wrapper.getContentAsByteArray();
        return new Answer(version, body, wrapper.getContentType(), List.copyOf(headers), entityTag(body));
    }

    private static String entityTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static void give(Answer answer, CacheableRoutes.Route route, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        // The request's metrics and trace name the route, as Spring MVC would have told them.
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(route.pattern().getPatternString()));
        response.setHeader(CACHE_STATUS, "forum; hit");
        for (String[] header : answer.headers()) {
            response.addHeader(header[0], header[1]);
        }
        validators(answer, response);
        response.setStatus(HttpServletResponse.SC_OK);
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        // No Content-Length here: the container would close the response once that many bytes are written, before the
        // request-id filter has logged its access line. Tomcat sets it on completion when the body fits its buffer.
        response.getOutputStream().write(answer.body());
    }

    /** The entity tag, and what a client's cache may do with the answer (class comment). */
    private static void validators(Answer answer, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** The answer of a request passed on, held until it is known whether it may be kept. */
    private static final class BufferedAnswer extends ContentCachingResponseWrapper {

        BufferedAnswer(HttpServletResponse response) {
            super(response);
        }

        /** Sends the held body without setting Content-Length, so the response is not closed early (see give). */
        void sendBody() throws IOException {
            copyBodyToResponse(false);
        }
    }

    private static Set<String> lowerCase(Iterable<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
