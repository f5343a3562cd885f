package dev.forum.topology;

import java.util.Optional;

/**
 * The public edge of a deployment, as the topology file's {@code edge:} section says.
 *
 * @param certificateArn the ACM certificate of the HTTPS listener (443), if any. Without one a deployment answers
 *                       plain HTTP only, which deploy.sh refuses unless told that a test stack is meant
 * @param rateLimit      requests one client IP may send in 5 minutes before the web application firewall answers
 *                       429 (AWS WAF's rate-based rule; it takes 100 to 2,000,000,000)
 */
public record EdgeSpec(Optional<String> certificateArn, int rateLimit) {

    /** AWS WAF's bounds for a rate-based rule's limit (per 5 minutes). */
    public static final int MIN_RATE_LIMIT = 100;
    public static final int MAX_RATE_LIMIT = 2_000_000_000;

    /** No certificate; 1,000 requests per IP in 5 minutes (over 3 a second, sustained). */
    public static final EdgeSpec DEFAULT = new EdgeSpec(Optional.empty(), 1000);

    /** An ACM certificate ARN: {@code arn:<partition>:acm:<region>:<account>:certificate/<id>}. */
    public static final String CERTIFICATE_ARN = "arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+";

    public EdgeSpec {
        certificateArn = certificateArn == null ? Optional.empty() : certificateArn;
    }
}
