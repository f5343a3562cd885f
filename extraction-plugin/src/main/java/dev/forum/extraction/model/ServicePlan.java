package dev.forum.extraction.model;

import java.util.List;
import java.util.Map;

/**
 * What goes into one service.
 *
 * @param request  the service and its modules
 * @param calls    the modules it reaches over HTTP, whose API artifacts it carries
 * @param included every artifact of the service, each with why (shared, implementation, API)
 * @param excluded every scanned artifact left out, each with why
 */
public record ServicePlan(ServiceRequest request, List<String> calls, Map<ScannedArtifact, String> included,
        Map<ScannedArtifact, String> excluded) {

    public ServicePlan {
        calls = List.copyOf(calls);
    }

    public String service() {
        return request.name();
    }
}
