package forum.platform.web;

import forum.platform.Paging;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Headers that go beside a controller's answer. Controllers implement their module's API interface, so
 * their methods return domain types; the HTTP-only parts (Location, the next page's Link) are set here.
 */
public final class Pages {

    private Pages() {
    }

    /** A list page of {@code limit} items from {@code offset}, with {@code Link: <...>; rel="next"} when more exist. */
    public static <T> List<T> page(int limit, int offset, PageQuery<T> query) {
        List<T> items = query.fetch(limit, offset);
        boolean mayHaveMore = items.size() == limit && (long) offset + limit <= Paging.MAX_OFFSET;
        if (mayHaveMore && !query.fetch(1, offset + limit).isEmpty()) {
            HttpServletRequest request = current().getRequest();
            String next = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("limit", limit)
                    .replaceQueryParam("offset", offset + limit)
                    .build().toUriString();
            response().setHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return items;
    }

    /** Sets {@code Location} to the created resource, a path relative to the host the client called. */
    public static void created(String path) {
        response().setHeader(HttpHeaders.LOCATION, path);
    }

    /** {@code Cache-Control: no-store}: an answer no cache may keep (a token, RFC 6749 section 5.1). */
    public static void noStore() {
        response().setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** {@code Cache-Control: public, max-age=...}: an answer any cache may keep for this long. */
    public static void cacheFor(Duration duration) {
        response().setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + duration.toSeconds());
    }

    private static HttpServletResponse response() {
        return current().getResponse();
    }

    private static ServletRequestAttributes current() {
        return (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
    }

    /** One page of a list: at most {@code limit} items from {@code offset}. */
    @FunctionalInterface
    public interface PageQuery<T> {
        List<T> fetch(int limit, int offset);
    }
}
