package dev.forum.extraction.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem documents (RFC 9457) that the load balancers and the firewall answer themselves, from the forum's
 * catalogue ({@code urn:forum:problem:<kind>}). Neither can send {@code application/problem+json}: an ALB fixed
 * response takes text/plain, text/css, text/html, application/javascript or application/json, and an AWS WAF
 * custom response TEXT_PLAIN, TEXT_HTML or APPLICATION_JSON (and may not set Content-Type), so these bodies go as
 * {@code application/json}. An ALB fixed-response body is at most 1,024 bytes; every body here is checked.
 */
final class Problems {

    /** The ALB's largest fixed-response body (Elastic Load Balancing's FixedResponseActionConfig). */
    static final int MAX_BODY = 1024;
    static final String CONTENT_TYPE = "application/json";

    static final String NO_ROUTE = body("no-route", "Not Found", 404,
            "No service of this API answers this path: the routes are under /api/users, /api/threads and /api/posts");
    static final String NON_CANONICAL_PATH = body("non-canonical-path", "Bad Request", 400,
            "The path is not canonical: it has an empty segment (//) or a dot segment (/./ or /../); send the path "
                    + "that decoding and normalising would not change");
    static final String HTTPS_REQUIRED = body("bad-request", "Bad Request", 400,
            "This API answers over HTTPS only: send the request to the https:// address (GET and HEAD are redirected "
                    + "there; other methods are refused so that a body is never sent twice in clear text)");
    static final String FIREWALL_REFUSED = body("forbidden", "Forbidden", 403,
            "The web application firewall refused the request: its path, query, headers or cookies match a known "
                    + "attack pattern; send it without that content");
    static final String RATE_LIMITED = body("rate-limited", "Too Many Requests", 429,
            "Too many requests from this address in the last 5 minutes: wait the seconds in Retry-After, then retry");

    private Problems() {
    }

    /** A problem document of the forum's catalogue, compact JSON in the key order every layer uses. */
    static String body(String kind, String title, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:forum:problem:" + kind);
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
