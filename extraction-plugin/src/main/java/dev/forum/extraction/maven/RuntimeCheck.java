package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ServicePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a service that leaves modules out needs of {@code dev.forum:extraction-runtime}, which makes its calls to them
 * over HTTP (a remote client of each HTTP contract it calls) and reads the {@code EXTRACTION_TOPOLOGY_*} settings.
 */
final class RuntimeCheck {

    /** The library that makes a left-out module's calls over HTTP. */
    static final String RUNTIME_ARTIFACT = "extraction-runtime";
    private static final String ADD = "add the dependency dev.forum:" + RUNTIME_ARTIFACT + " in compile or runtime scope,"
            + " not optional (README, \"Using the plugin in your own application\", step 2)";

    private RuntimeCheck() {
    }

    /**
     * Refuses a service that calls a left-out module's HTTP contract when the application lacks the runtime (without
     * it the service cannot start: no bean implements the contract); warns, the build going on, for one that calls none
     * but leaves modules out (the monolith then keeps every module local whatever the settings say).
     *
     * @param plans       the services to build
     * @param extractable every module a service may hold or leave out
     * @param hasRuntime  whether the services' jars hold the runtime (a run-time dependency Spring Boot packs: one in
     *                    test or provided scope, or optional, is on the build's class path and in no service)
     * @param warn        gets the warnings
     * @throws ExtractionException one line per service that calls a left-out module, naming each call
     */
    static void check(List<ServicePlan> plans, List<String> extractable, boolean hasRuntime, Consumer<String> warn) {
        if (hasRuntime) {
            return;
        }
        List<String> refusals = new ArrayList<>();
        for (ServicePlan plan : plans) {
            List<String> left = extractable.stream().filter(m -> !plan.request().modules().contains(m)).toList();
            if (plan.request().monolith() || left.isEmpty()) {
                continue;
            }
            Map<String, String> calls = new TreeMap<>(plan.remoteContracts());
            if (!calls.isEmpty()) {
                List<String> named = calls.entrySet().stream().map(c -> c.getKey() + " of module " + c.getValue()).toList();
                refusals.add(plan.request().subject() + " calls " + String.join(", ", named) + " over HTTP once "
                        + String.join(", ", calls.values().stream().distinct().toList()) + (calls.values().stream().distinct()
                        .count() == 1 ? " runs" : " run") + " elsewhere, and the application has no dev.forum:"
                        + RUNTIME_ARTIFACT + " dependency at run time, which makes those calls (without it the service cannot start): "
                        + ADD);
            } else {
                warn.accept("[extract] " + plan.service() + " leaves out " + String.join(", ", left) + " and calls no HTTP"
                        + " contract of " + (left.size() == 1 ? "it" : "them") + ", but the application has no dev.forum:"
                        + RUNTIME_ARTIFACT + " dependency at run time, so the monolith keeps every module local whatever"
                        + " EXTRACTION_TOPOLOGY_* says: " + ADD + " for the monolith to call " + plan.service() + " over HTTP");
            }
        }
        if (!refusals.isEmpty()) {
            throw new ExtractionException(refusals);
        }
    }
}
