package dev.forum.extraction.ecs;

import java.util.List;

/**
 * The non-canonical paths an ALB can refuse itself, before any module rule (issue: "the load balancer and the
 * application agree on the path"). A path is canonical when decoding and normalising it changes nothing; the
 * application refuses every other path with a 400 (the forum: {@code urn:forum:problem:non-canonical-path}; here
 * the problem type of {@link EcsSettings#problemType}).
 *
 * <p>What an ALB path-pattern condition can say (Elastic Load Balancing, "Path conditions"): at most 128
 * characters of A-Z a-z 0-9 _ - . $ / ~ " ' @ : + &amp; and the wildcards {@code *} and {@code ?}, matched
 * case-sensitively against the path only, "after URI normalization"; at most 3 values per condition. So empty
 * segments ({@code //}) and dot segments ({@code /./}, {@code /../}, a trailing {@code /.} or {@code /..}) are
 * refused here, while {@code %} (percent-encoded characters, an encoded {@code /}) and {@code ;} (path parameters)
 * cannot be written in a pattern: those reach the application, which refuses them with the same problem. Should
 * the ALB's own normalisation remove a dot segment before its rules look, the request still reaches a process
 * holding the module of the path the rule saw, and that process refuses it: the answer is the same 400.
 */
final class NonCanonicalPaths {

    /** Listener rule priorities of the rules (1 to 4): before every module rule (10, 20, ...). */
    static final int FIRST_PRIORITY = 1;

    /**
     * The patterns, 3 to a rule (an ALB condition takes at most 3 values), each starting with {@code /} as a request
     * path does: an empty segment first or later, a dot segment first, later or last.
     */
    static final List<List<String>> RULES = List.of(
            List.of("//*", "/*//*", "/./*"),
            List.of("/*/./*", "/../*", "/*/../*"),
            List.of("/.", "/..", "/*/."),
            List.of("/*/.."));

    private NonCanonicalPaths() {
    }
}
