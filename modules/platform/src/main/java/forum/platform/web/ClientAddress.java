package forum.platform.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client of the current request, as the load balancer in front reports it: the servlet
 * container reads {@code X-Forwarded-For} from the proxies it trusts ({@code server.forward-headers-strategy=native},
 * {@code server.tomcat.remoteip.internal-proxies}); without a load balancer it is the peer's address.
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
