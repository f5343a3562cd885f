package forum.platform.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client of the current request: the connection's own, unless it comes from a proxy the process is
 * told to trust ({@code server.tomcat.remoteip.internal-proxies}, none by default), whose {@code X-Forwarded-For} the
 * servlet container then reads ({@code server.forward-headers-strategy=native}).
 */
public final class ClientAddress {

    /** What a call made outside any HTTP request (an in-process test, a scheduled task) is keyed by. */
    public static final String NO_REQUEST = "in-process";

    private ClientAddress() {
    }

    /** The current request's client address, or {@link #NO_REQUEST}. */
    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return NO_REQUEST;
    }
}
