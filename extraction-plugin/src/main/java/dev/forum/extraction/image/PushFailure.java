package dev.forum.extraction.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Why a push failed, as far as the advice differs: the registry was not reached, it refused the credentials, or other. */
enum PushFailure {
    UNREACHABLE, REFUSED_CREDENTIALS, OTHER;

    /** A 401 or 403 as Jib words it when it has no {@link RegistryUnauthorizedException} to throw. */
    private static final Pattern REFUSED = Pattern.compile(".*\\b(401|403|unauthorized|forbidden|denied)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * @param failure what Jib threw, with its causes
     * @return the kind of the first cause that says one
     */
    static PushFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return UNREACHABLE;
            }
            if (t instanceof RegistryUnauthorizedException
                    || t.getMessage() != null && REFUSED.matcher(t.getMessage()).matches()) {
                return REFUSED_CREDENTIALS;
            }
        }
        return OTHER;
    }

    /** The registry's host and port: {@code 127.0.0.1:5000}, or the host and HTTPS's 443 when the reference names none. */
    static String address(ImageReference reference) {
        String registry = reference.getRegistry().toLowerCase(Locale.ROOT);
        boolean hasPort = registry.startsWith("[") ? registry.contains("]:") : registry.contains(":");
        return hasPort ? registry : registry + ":443";
    }
}
