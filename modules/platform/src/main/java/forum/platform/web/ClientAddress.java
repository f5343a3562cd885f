package forum.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client of the current request, as the per-client limits count it (the users module's login throttle and
 * budgets): the connection's address, unless it comes from a proxy the process is told to trust
 * ({@code server.tomcat.remoteip.internal-proxies}, none by default), whose {@code X-Forwarded-For} the servlet
 * container then reads ({@code server.forward-headers-strategy=native}).
 *
 * <p>An IPv4 address is one client. An IPv6 client is its /64 network, not its address: a network of that size is what
 * one site (a home, a phone, a cloud instance) is given (RFC 6177), and its host may take any of its 2^64 addresses at
 * will (privacy addresses, RFC 8981), so a count per IPv6 address would let one client make every guess from an
 * address of its own. An IPv4 address written as IPv6 ({@code ::ffff:203.0.113.7}) is that IPv4 address.
 */
public final class ClientAddress {

    /** What a call made outside any HTTP request (an in-process test, a scheduled task) is keyed by. */
    public static final String NO_REQUEST = "in-process";

    private ClientAddress() {
    }

    /** The current request's client ({@link #of}), or {@link #NO_REQUEST}. */
    public static String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest().getRemoteAddr());
        }
        return NO_REQUEST;
    }

    /**
     * The client an address belongs to, as the limits count it.
     *
     * @param address an IP address literal, as the servlet container reports it (never looked up in DNS)
     * @return an IPv4 address as it is ({@code 203.0.113.7}; {@code ::ffff:203.0.113.7} is {@code 203.0.113.7}); an IPv6
     *         address's /64 network, its first four groups in lower-case hex without leading zeros ({@code
     *         2001:db8:0:7::/64} for {@code 2001:DB8::7:0:0:0:1} and for every other address of that network, a zone id
     *         dropped); anything else (not an address literal, or null) as it is
     */
    public static String of(String address) {
        if (address == null) {
            return null;
        }
        if (address.indexOf(':') < 0) {
            return address; // IPv4 (or no address): counted as the container wrote it
        }
        int zone = address.indexOf('%');
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(zone < 0 ? address : address.substring(0, zone));
        } catch (IllegalArgumentException notALiteral) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return parsed.getHostAddress(); // an IPv4-mapped address: Java reads it as the IPv4 address
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder network = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            network.append(Integer.toHexString((bytes[2 * group] & 0xFF) << 8 | (bytes[2 * group + 1] & 0xFF))).append(':');
        }
        return network.append(":/64").toString();
    }
}
