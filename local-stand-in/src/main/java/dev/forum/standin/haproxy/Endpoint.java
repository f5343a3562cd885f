package dev.forum.standin.haproxy;

/**
 * One instance of a service as the load balancer sees it: a server named {@code name} (for example
 * {@code posts-1}) on a loopback port, its health checked on {@code checkPort} (the application's management
 * port, which takes no traffic, as the ALB target groups' health check port). Its health is checked once, in its
 * service's backend (the service's "target group"); every rule backend that sends it traffic tracks that check.
 */
public record Endpoint(String service, String name, String host, int port, int checkPort) {

    public Endpoint {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a server name is lower-case letters, digits and '-': " + name);
        }
    }

    /** An instance whose health is checked on its traffic port (a stub that serves both). */
    public static Endpoint loopback(String service, int index, int port) {
        return loopback(service, index, port, port);
    }

    public static Endpoint loopback(String service, int index, int port, int checkPort) {
        return new Endpoint(service, service + "-" + index, "127.0.0.1", port, checkPort);
    }

    public String address() {
        return host + ":" + port;
    }
}
