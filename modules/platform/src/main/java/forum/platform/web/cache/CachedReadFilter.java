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
 * keyed by path and query (not {@code Accept}: the API answers the same bytes whatever it says), kept up to a total
 * size in bytes of heap, each answer weighed at what it really holds ({@link #weight}: key, body, headers, entity tag
 * and the cache's own entry), least recently used first out.
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

    /**
     * The heap one kept answer takes besides its strings and arrays ({@link #weight} counts those): the {@link Answer}
     * record (40 bytes) and the cache's entry (Caffeine's node of a weighed, least-recently-used cache, the
     * {@code ConcurrentHashMap} node and its share of the table, the frequency sketch's share). Measured on JDK 25
     * (G1; compressed references and class pointers, 12-byte object headers: the layout of any heap below 32GB):
     * 200,000 distinct {@code GET /api/posts/in-thread/<n>} answers {@code []} put through this filter, with
     * {@code MockHttpServletRequest}, into a cache large enough to keep them all took 305 bytes of heap each (used
     * heap after {@code System.gc()}, before and after); the key (72), body (24) and entity tag (80) account for 176
     * of them, leaving 129 for the record and the entry. The table and the sketch grow by doubling, so that share
     * varies by some 10 bytes: 144 is charged. Shared strings (a Content-Type constant, the empty header list) are
     * charged anyway, so an answer of {@code []} is weighed at some 416 bytes against the 305 it holds. With compact
     * object headers ({@code -XX:+UseCompactObjectHeaders}) every object is smaller, and the weight still bounds.
     */
    static final int ENTRY_OVERHEAD = 144;
    /** An array's header: the object header and the length. */
    private static final int ARRAY_HEADER = 16;
    /** A reference, compressed (any heap below 32GB). */
    private static final int REFERENCE = 4;
    /** A {@code String} without its array: header, hash, coder, hashIsZero, value reference, aligned to 8. */
    private static final int STRING = 24;
    /** {@code List.copyOf}'s list without its array (an empty one is shared, charged anyway). */
    private static final int LIST = 24;

    private final CacheableRoutes routes;
    private final Cache<String, Answer> answers;
    private final long maxAnswerBytes;

    /**
     * @param routes   the cacheable routes of the local modules
     * @param maxBytes the most bytes of heap the kept answers take in all, each weighed by {@link #weight} (an answer
     *                 whose body is above a tenth of it is never kept)
     */
    CachedReadFilter(CacheableRoutes routes, long maxBytes) {
        this.routes = routes;
        this.maxAnswerBytes = maxBytes / 10;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher(CachedReadFilter::weight)
                .build();
    }

    /**
     * @return the bytes of heap a kept answer holds under its key: the key, the body, the Content-Type, every kept
     *         header's name and value, the entity tag, each with its object and array headers, and
     *         {@link #ENTRY_OVERHEAD} for the answer record and the cache's entry; so that {@code forum.read-cache.max-size}
     *         bounds the heap, not only the bodies (an answer of {@code []} holds some 300 bytes, not 2)
     */
    static int weight(String key, Answer answer) {
        long bytes = ENTRY_OVERHEAD + stringBytes(key) + arrayBytes(answer.body().length)
                + stringBytes(answer.contentType()) + stringBytes(answer.etag())
                + LIST + arrayBytes((long) REFERENCE * answer.headers().size());
        for (String[] header : answer.headers()) {
            bytes += arrayBytes((long) REFERENCE * header.length);
            for (String part : header) {
                bytes += stringBytes(part);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A {@code String}'s object and array: one byte a char when all are Latin-1 (compact strings), two otherwise. */
    private static long stringBytes(String value) {
        if (value == null) {
            return 0;
        }
        boolean latin1 = value.chars().allMatch(c -> c <= 0xFF);
        return STRING + arrayBytes((long) value.length() * (latin1 ? 1 : 2));
    }

    private static long arrayBytes(long length) {
        return (ARRAY_HEADER + length + 7) & ~7L;
    }

    /** @return how many answers are kept now (for tests) */
    long keptCount() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // HEAD is GET without the body (RFC 9110 9.3.2): the same kept answer, the same validators and 304.
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) || !onApplicationServer(request);
    }

    /**
     * Whether the request came to the server this filter was initialised by, the application's: Actuator's own server
     * (its port in {@code prod}) runs the application's filters too ({@code ManagementServerRequests}), but has none of
     * the modules' routes, so it must not give their kept answers (a {@code GET /api/users} there is a 404, as Spring
     * MVC answers it). True where the filter was never initialised by a server (a test that calls it directly).
     */
    private boolean onApplicationServer(HttpServletRequest request) {
        jakarta.servlet.FilterConfig config = getFilterConfig();
        return config == null || config.getServletContext() == request.getServletContext();
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
        // Not Accept: the API answers JSON, the tutorial's routes text, whatever it says (StrictRequestsConfiguration
        // ignores it), so it would only let a client multiply one answer's entries by sending any value it likes.
        String query = request.getQueryString();
        String key = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
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
