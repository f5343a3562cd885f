package dev.forum.extraction.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The problem documents (RFC 9457) that the load balancers and the firewall answer themselves. Their {@code type} is
 * {@link EcsSettings#problemType} ({@code about:blank} unless {@code extract.ecs.problemTypePrefix} gives the
 * application's catalogue, such as the forum's {@code urn:forum:problem:<kind>}); the no-route detail names the
 * topology's route prefixes. Neither can send {@code application/problem+json}: an ALB fixed
 * response takes text/plain, text/css, text/html, application/javascript or application/json, and an AWS WAF
 * custom response TEXT_PLAIN, TEXT_HTML or APPLICATION_JSON (and may not set Content-Type), so these bodies go as
 * {@code application/json}. An ALB fixed-response body is at most 1,024 bytes; every body here is checked.
 */
final class Problems {

    /** The ALB's largest fixed-response body (Elastic Load Balancing's FixedResponseActionConfig). */
    static final int MAX_BODY = 1024;
    static final String CONTENT_TYPE = "application/json";

    private final EcsSettings settings;
    private final List<String> routePrefixes;

    private Problems(EcsSettings settings, List<String> routePrefixes) {
        this.settings = settings;
        this.routePrefixes = routePrefixes;
    }

    /** The problems of {@code topology}'s deployment: its route prefixes, the settings' problem types. */
    static Problems of(Topology topology, EcsSettings settings) {
        return new Problems(settings, topology.modules().stream().map(ModuleRoute::prefix).filter(Objects::nonNull)
                .map(settings::routed).toList());
    }

    String noRoute() {
        String routes = routePrefixes.isEmpty() ? "" : ": the routes are under " + (routePrefixes.size() == 1
                ? routePrefixes.get(0)
                : String.join(", ", routePrefixes.subList(0, routePrefixes.size() - 1)) + " and "
                        + routePrefixes.get(routePrefixes.size() - 1));
        return body("no-route", "Not Found", 404, "No service of this API answers this path" + routes);
    }

    String nonCanonicalPath() {
        return body("non-canonical-path", "Bad Request", 400,
                "The path is not canonical: it has an empty segment (//) or a dot segment (/./ or /../); send the path "
                        + "that decoding and normalising would not change");
    }

    String httpsRequired() {
        return body("bad-request", "Bad Request", 400,
                "This API answers over HTTPS only: send the request to the https:// address (GET and HEAD are redirected "
                        + "there; other methods are refused so that a body is never sent twice in clear text)");
    }

    String firewallRefused() {
        return body("forbidden", "Forbidden", 403,
                "The web application firewall refused the request: its path, query, headers or cookies match a known "
                        + "attack pattern; send it without that content");
    }

    String rateLimited() {
        return body("rate-limited", "Too Many Requests", 429,
                "Too many requests from this address in the last 5 minutes: wait the seconds in Retry-After, then retry");
    }

    /**
     * A problem document, compact JSON in the key order every layer uses. The title is the status's reason phrase, as
     * RFC 9457 asks of an {@code about:blank} problem.
     *
     * @throws IllegalStateException when the document is over an ALB fixed response's {@value #MAX_BODY} bytes
     */
    String body(String kind, String title, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", settings.problemType(kind));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            String json = new ObjectMapper().writeValueAsString(problem);
            if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY) {
                throw new IllegalStateException("problem " + kind + " is over the " + MAX_BODY + " bytes of a fixed response");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ALB fixed-response action answering {@code body} with {@code status}. */
    static Map<String, Object> fixedResponse(int status, String body) {
        return Cfn.obj("Type", "fixed-response", "FixedResponseConfig", Cfn.obj("StatusCode", String.valueOf(status),
                "ContentType", CONTENT_TYPE, "MessageBody", body));
    }
}
