package dev.forum.extraction.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Registry images with the credentials a developer or CI already has: docker login, credential helpers (ECR's). */
final class Registries {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    /** Jib's warnings when it falls back from HTTPS to HTTP, as it must for a plain-HTTP local registry. */
    private static final Pattern TLS_FALLBACK = Pattern.compile(
            "^(Cannot verify server at|Failed to connect to) https://(127\\.0\\.0\\.1|localhost|\\[::1])[:/].*",
            Pattern.CASE_INSENSITIVE);

    private final Consumer<LogEvent> log;

    Registries(Consumer<LogEvent> log) {
        this.log = log;
    }

    RegistryImage image(ImageReference reference) {
        CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(reference, log);
        return RegistryImage.named(reference)
                .addCredentialRetriever(credentials.dockerConfig())
                .addCredentialRetriever(credentials.wellKnownCredentialHelpers());
    }

    /**
     * Fails fast on a registry host that does not resolve: Jib would retry it for about a minute. Skipped
     * behind a proxy, which resolves names itself.
     */
    static boolean resolves(ImageReference reference) {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return true;
        }
        try {
            InetAddress.getByName(host(reference.getRegistry().toLowerCase(Locale.ROOT)).replaceAll("^\\[|]$", ""));
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A registry on this machine may speak plain HTTP (a test registry); any other must be HTTPS. */
    static boolean isLoopback(ImageReference reference) {
        return isLoopback(reference.getRegistry());
    }

    /** @param registry host and optional port, as in {@code 127.0.0.1:5000} or {@code [::1]:5000} */
    static boolean isLoopback(String registry) {
        return LOOPBACK.contains(host(registry.toLowerCase(Locale.ROOT)));
    }

    /**
     * True for Jib's warnings that it tried HTTPS first on a loopback registry and went on with plain HTTP:
     * the expected way to reach a local test registry, so they are not passed on as warnings.
     */
    static boolean isLoopbackTlsFallback(String message) {
        return message != null && TLS_FALLBACK.matcher(message.strip()).matches();
    }

    /** The host of {@code host[:port]}, an IPv6 address keeping its brackets. */
    private static String host(String registry) {
        return registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
                : registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
    }
}
