package forum.platform.web.error;

import java.util.Locale;
import java.util.Optional;
import org.apache.tomcat.util.http.parser.Host;

/**
 * The Host header field (RFC 9110 7.2), and the authority of an absolute-form target that stands for it: a host,
 * then optionally ':' and a port (RFC 3986 3.2.2, 3.2.3). The host is a name of letters, digits, '-' and '.', an IPv4
 * address, or an IPv6 address in brackets, as Tomcat reads it ({@link Host#parse}); the port is decimal digits, a
 * TCP port from 0 to 65535 (empty: the scheme's default, RFC 3986 6.2.3). An empty field is what a client sends for a
 * target URI without an authority (RFC 9112 3.2), and is taken. Tomcat refuses a Host it cannot parse with a bare 400
 * ({@link HeadFieldChecks} says why) but takes a port past 65535, which {@link HostFieldValve} refuses: both with the
 * detail from here.
 */
final class HostField {

    /** The largest TCP port. */
    static final int MAX_PORT = 65_535;

    private static final int SHOWN = 60;

    private HostField() {
    }

    /**
     * @param value a Host field's value, one character a byte
     * @return the 400 detail naming what is wrong with it; empty if it is a host with an optional port in range
     */
    static Optional<String> fault(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String field = "The Host header field '" + RequestHead.printable(value, SHOWN) + "'";
        Authority authority;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.of(field + " opens an IPv6 address with '[' and does not close it with ']': send it in"
                        + " brackets, such as [::1] or [::1]:8080 (RFC 3986 3.2.2)");
            }
            if (close + 1 < value.length() && value.charAt(close + 1) != ':') {
                return Optional.of(field + " has " + HeadFaults.named(value.charAt(close + 1)) + " after its IPv6"
                        + " address: only ':' and a port may follow ']' (RFC 3986 3.2.2)");
            }
            authority = Authority.of(value);
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
                return Optional.of(field + " holds more than one ':': a host name has one, before its port, and an"
                        + " IPv6 address is sent in brackets, such as [::1]:8080 (RFC 3986 3.2.2)");
            }
            authority = Authority.of(value);
        }
        if (authority.host().isEmpty()) {
            return Optional.of(field + " has no host before its ':': send the server's name, then ':' and the port,"
                    + " such as localhost:8080 (RFC 9110 7.2)");
        }
        Optional<String> host = hostFault(authority.host(), field);
        if (host.isPresent()) {
            return host;
        }
        if (authority.port() != null) {
            String port = authority.port();
            if (port.chars().anyMatch(c -> c < '0' || c > '9')) {
                return Optional.of(field + " has the port '" + RequestHead.printable(port, SHOWN) + "', which is not a"
                        + " number: send the port in decimal digits after the ':', or no ':' for the scheme's default"
                        + " port (RFC 3986 3.2.3)");
            }
            if (port(port) > MAX_PORT) {
                return Optional.of(field + " has the port " + RequestHead.printable(port, SHOWN) + ", which is no TCP"
                        + " port: send the server's port, from 0 to " + MAX_PORT + " (RFC 3986 3.2.3, RFC 9110 4.2.1),"
                        + " or no port for the scheme's default");
            }
        }
        try {
            Host.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException refused) {
            return Optional.of(field + " is not a host with an optional port (RFC 9110 7.2, RFC 3986 3.2.2): send the"
                    + " server's name, such as localhost or localhost:8080");
        }
    }

    /** What is wrong with the host part (before any port), or empty if nothing is. */
    private static Optional<String> hostFault(String host, String field) {
        if (host.startsWith("[")) {
            try {
                Host.parse(host);
                return Optional.empty();
            } catch (IllegalArgumentException notIpv6) {
                return Optional.of(field + " has '" + RequestHead.printable(host, SHOWN) + "', which is not an IPv6"
                        + " address in brackets (an address of up to eight groups of hex digits separated by ':', with"
                        + " no zone): send one such as [::1] (RFC 3986 3.2.2)");
            }
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.';
            if (c >= 0x80) {
                return Optional.of(field + " holds a byte outside ASCII (" + String.format("0x%02X", (int) c) + "): a"
                        + " name in another script is sent in its ASCII form, xn-- and letters (RFC 5890), as a URI's"
                        + " host is (RFC 3986 3.2.2)");
            }
            if (!allowed) {
                return Optional.of(field + " holds " + HeadFaults.named(c) + ", which no host name here may hold: send"
                        + " a name of letters, digits, '-' and '.', an IPv4 address, or an IPv6 address in brackets"
                        + " (RFC 9110 7.2, RFC 3986 3.2.2)");
            }
        }
        try {
            Host.parse(host);
            return Optional.empty();
        } catch (IllegalArgumentException notAName) {
            return Optional.of(field + " names the host '" + RequestHead.printable(host, SHOWN) + "', which is not a"
                    + " name: each part between dots is letters, digits and '-', not empty and neither starting nor"
                    + " ending with '-' (RFC 1123 2.1, RFC 3986 3.2.2)");
        }
    }

    /**
     * Whether an absolute-form target's authority and the Host field name the same origin's host: the same host in any
     * case (RFC 3986 6.2.2.1), and the same port once an absent or empty one is read as the scheme's default, 80 for
     * http and 443 for https (RFC 9110 4.2.3, RFC 3986 6.2.3).
     *
     * @param target the target's authority, without user information
     * @param host   the Host field's value
     * @param https  whether the target's scheme is https
     */
    static boolean sameHost(String target, String host, boolean https) {
        if (target.equalsIgnoreCase(host)) {
            return true;
        }
        Authority named = Authority.of(target);
        Authority field = Authority.of(host);
        int defaultPort = https ? 443 : 80;
        return named.host().toLowerCase(Locale.ROOT).equals(field.host().toLowerCase(Locale.ROOT))
                && named.port(defaultPort) >= 0 && named.port(defaultPort) == field.port(defaultPort);
    }

    /** A number of decimal digits (none: 0), or more than {@link #MAX_PORT} when it is larger (past a long too). */
    private static long port(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 5 ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    /**
     * An authority split at its port's ':' (the one after an IPv6 address's ']').
     *
     * @param host the host, brackets kept
     * @param port the port's text, empty for a ':' with no digits; null without ':'
     */
    private record Authority(String host, String port) {

        static Authority of(String value) {
            int from = value.startsWith("[") ? Math.max(0, value.indexOf(']')) : 0;
            int colon = value.indexOf(':', from);
            return colon < 0 ? new Authority(value, null) : new Authority(value.substring(0, colon), value.substring(colon + 1));
        }

        /** The port as a number, {@code defaultPort} when absent or empty; -1 if it is not a port. */
        int port(int defaultPort) {
            if (port == null || port.isEmpty()) {
                return defaultPort;
            }
            if (port.chars().anyMatch(c -> c < '0' || c > '9') || HostField.port(port) > MAX_PORT) {
                return -1;
            }
            return (int) HostField.port(port);
        }
    }
}
