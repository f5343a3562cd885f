package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One rule for a canonical path, written twice: the application's ({@link forum.platform.web.CanonicalPath}, which
 * refuses a path before any route) and the load balancer's ({@link dev.forum.topology.CanonicalPath}, rendered into
 * HAProxy's rules). They must refuse exactly the same paths, or a request would be routed by one and refused by the
 * other.
 */
class CanonicalPathAgreementUnitTest {

    @Test
    void the_application_and_the_load_balancer_refuse_the_same_paths() {
        List<String> paths = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            String upper = String.format(Locale.ROOT, "%02X", b);
            for (String code : List.of(upper, upper.toLowerCase(Locale.ROOT), upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT),
                    upper.substring(0, 1).toLowerCase(Locale.ROOT) + upper.substring(1))) {
                paths.add("/api/posts/x%" + code + "y");
                paths.add("/api/post%" + code);
            }
        }
        String[] parts = {"", "/", "//", ".", "..", "a", "%", "%2", "%2e", "%2E", "%2f", "%5C", "%41", "%7e", "%20", "%zz", ";",
            "x=1", "%3b", "...", "~", "%40", "%C3%A9", "\\"};
        for (String a : parts) {
            for (String b : parts) {
                for (String c : parts) {
                    paths.add("/" + a + b + "/" + c);
                    paths.add("/api/" + a + "/" + b + c);
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        for (String path : paths) {
            boolean application = forum.platform.web.CanonicalPath.violation(path).isPresent();
            boolean loadBalancer = dev.forum.topology.CanonicalPath.violation(path).isPresent();
            if (application != loadBalancer) {
                disagreements.add(path + " (application " + (application ? "refuses" : "takes") + " it)");
            }
        }
        assertThat(disagreements).as("paths judged differently, of %s", paths.size()).isEmpty();
        assertThat(paths.stream().filter(p -> dev.forum.topology.CanonicalPath.violation(p).isPresent()).count())
                .as("both refuse many of them, and take many").isBetween(1000L, paths.size() - 1000L);
    }
}
