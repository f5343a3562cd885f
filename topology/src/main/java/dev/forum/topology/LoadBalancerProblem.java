package dev.forum.topology;

import java.util.List;

/**
 * An answer a load balancer gives itself, as a problem document (RFC 9457) of the forum's catalogue: the same
 * {@code type}, status and kind of {@code detail} the application uses, so that a client cannot tell which layer
 * refused it. The local stand-in's HAProxy renders these; an ALB's fixed responses can use them too.
 *
 * @param status the HTTP status
 * @param kind   the catalogue's kind: the {@code type} is {@code urn:forum:problem:<kind>}
 * @param title  the status's reason phrase
 * @param detail what the client should do, in its terms
 */
public record LoadBalancerProblem(int status, String kind, String title, String detail) {

    /** The media type of every problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** No rule takes the path and no monolith is deployed to take it by default. */
    public static final LoadBalancerProblem NO_ROUTE = new LoadBalancerProblem(404, "no-route", "Not Found",
            "No route of this API takes this path: check it against the API's routes.");
    /** A request the load balancer refuses at the HTTP layer for a reason of its own. */
    public static final LoadBalancerProblem BAD_REQUEST = new LoadBalancerProblem(400, "bad-request", "Bad Request",
            "The load balancer cannot read this request: send a well-formed HTTP/1.1 request.");
    /** The request did not arrive completely in time. */
    public static final LoadBalancerProblem REQUEST_TIMEOUT = new LoadBalancerProblem(408, "request-timeout", "Request Timeout",
            "The request did not arrive completely in time: send it again, whole.");
    public static final LoadBalancerProblem INTERNAL = new LoadBalancerProblem(500, "internal", "Internal Server Error",
            "The load balancer failed to handle the request: try again later.");
    /** An HTTP feature the load balancer does not implement. */
    public static final LoadBalancerProblem NOT_IMPLEMENTED = new LoadBalancerProblem(501, "not-implemented", "Not Implemented",
            "The load balancer does not implement what this request asks for: send a plain HTTP/1.1 request.");
    /** The service answered with something that is not HTTP, or closed the connection without an answer. */
    public static final LoadBalancerProblem BAD_GATEWAY = new LoadBalancerProblem(502, "bad-gateway", "Bad Gateway",
            "The service behind the load balancer gave no valid answer: try again; a write may have been applied,"
                    + " so read it back before sending it again.");
    /** No instance of the service that holds the route is ready (all down, draining or busy). */
    public static final LoadBalancerProblem UNAVAILABLE = new LoadBalancerProblem(503, "unavailable", "Service Unavailable",
            "No instance of the service for this path is ready: try again shortly.");
    public static final LoadBalancerProblem TIMEOUT = new LoadBalancerProblem(504, "timeout", "Gateway Timeout",
            "The service behind the load balancer did not answer in time: try again; a write may have been applied,"
                    + " so read it back before sending it again.");

    /** The refusal of a path that is not canonical, with what is wrong with it. */
    public static LoadBalancerProblem nonCanonicalPath(CanonicalPath.Violation violation) {
        return new LoadBalancerProblem(400, "non-canonical-path", "Bad Request", violation.detail());
    }

    /** The errors a load balancer produces on its own, one per status (its rules' answers come on top). */
    public static List<LoadBalancerProblem> errors() {
        return List.of(BAD_REQUEST, NO_ROUTE, REQUEST_TIMEOUT, INTERNAL, NOT_IMPLEMENTED, BAD_GATEWAY, UNAVAILABLE, TIMEOUT);
    }

    /** {@code urn:forum:problem:<kind>}. */
    public String type() {
        return "urn:forum:problem:" + kind;
    }

    /** The document: {@code {"type":...,"title":...,"status":...,"detail":...}} on one line. */
    public String json() {
        return "{\"type\":" + quoted(type()) + ",\"title\":" + quoted(title) + ",\"status\":" + status + ",\"detail\":"
                + quoted(detail) + "}";
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
