package dev.forum.extraction.runtime.remote;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whether a call to a remote module carried the caller's own credentials: its {@code Authorization} field is the one
 * of the request this process is serving on the calling thread (a Spring MVC request, as Spring's
 * {@link RequestContextHolder} holds it), however a {@link RemoteCallHeaders} hook relayed it (copied as it came, or
 * rebuilt, {@code Bearer} and the verified token). Compared as RFC 9110 (section 11.4) reads the field: the scheme in
 * any case, the credentials after it exactly. A 403 to such a call is the module's answer about the caller's request,
 * relayed to the caller ({@link RemoteErrorResponseException}; a 401 to it is not, and stays a 502, as this process
 * had accepted those credentials); a call that carried other credentials (this
 * process's own, a service token) or none, or one made where no request is being served (a scheduled job, a Spring
 * WebFlux application, whose request the holder does not hold), did not.
 *
 * <p>The servlet API is read by reflection, as this library does not depend on it (a Spring WebFlux application has
 * none).
 */
final class CallersCredentials {

    private CallersCredentials() {
    }

    /**
     * @param call the headers the call was sent with, the hooks' included
     * @return true when its {@code Authorization} is the served request's; false when either has none, or they differ
     */
    static boolean relayed(HttpHeaders call) {
        String sent = call.getFirst(HttpHeaders.AUTHORIZATION);
        if (sent == null || sent.isBlank()) {
            return false;
        }
        String received = servedRequestsAuthorization();
        return received != null && same(sent, received);
    }

    /**
     * @param first  an {@code Authorization} field's value
     * @param second another
     * @return whether both name one scheme (in any case) and the same credentials (one or more spaces between)
     */
    static boolean same(String first, String second) {
        String[] a = first.strip().split("[ \t]+", 2);
        String[] b = second.strip().split("[ \t]+", 2);
        return a[0].toLowerCase(Locale.ROOT).equals(b[0].toLowerCase(Locale.ROOT))
                && (a.length == 2 ? a[1].strip() : "").equals(b.length == 2 ? b[1].strip() : "");
    }

    /** The served request's {@code Authorization}, or null where there is no request or it has none. */
    private static String servedRequestsAuthorization() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object request = attributes.resolveReference(RequestAttributes.REFERENCE_REQUEST);
        if (request == null) {
            return null;
        }
        try {
            Class<?> servletRequest = Class.forName("jakarta.servlet.http.HttpServletRequest", false,
                    request.getClass().getClassLoader());
            if (!servletRequest.isInstance(request)) {
                return null;
            }
            Method getHeader = servletRequest.getMethod("getHeader", String.class);
            return (String) getHeader.invoke(request, HttpHeaders.AUTHORIZATION);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InvocationTargetException noServletRequest) {
            return null;
        }
    }
}
