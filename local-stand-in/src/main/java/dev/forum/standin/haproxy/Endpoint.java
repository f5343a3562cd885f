package dev.forum.standin.haproxy;

/**
 * One instance of a service as the load balancer sees it: a server named {@code name} (for example
 * {@code posts-1}) on a loopback port. Its health is checked once, in its service's backend (the service's
 * "target group"); every rule backend that sends it traffic tracks that check.
 */
public record Endpoint(String service, String name, String host, int port) {

    public Endpoint {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a server name is lower-case letters, digits and '-': " + name);
        }
    }

    public static Endpoint loopback(String service, int index, int port) {
        return new Endpoint(service, service + "-" + index, "127.0.0.1", port);
    }

    public String address() {
        return host + ":" + port;
    }
}
