package dev.forum.extraction.ecs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's own environment variables ({@code environment:} in the topology file) that would break the deployment
 * the ecs goal renders, though the goal does not set them itself ({@link TaskVariables#setByGoal} covers those): the
 * ones that override the goal's variables by precedence, and the ones that move the paths the load balancers' rules and
 * health checks ask. A name is compared as Spring Boot binds it from the environment, with and without its
 * underscores ({@code SERVER_SERVLET_CONTEXT_PATH} binds as {@code SERVER_SERVLET_CONTEXTPATH} does).
 */
final class OverridingVariables {

    private static final String PRECEDENCE = " rank above the environment variables the ecs goal sets (SERVER_PORT,"
            + " EXTRACTION_TOPOLOGY_*, the datasource's) and would silently replace them";
    private static final String REMOVE = ": remove it from environment:";
    private static final String ROUTES = "it moves the application's routes away from the path prefixes the load"
            + " balancers' listener rules send to each service, so requests would miss them" + REMOVE;
    private static final String HEALTH = "it moves Actuator's health endpoint away from the path the load balancers'"
            + " health checks ask (extract.ecs.healthCheckPath on extract.ecs.managementPort), so every task would fail"
            + " them and be replaced" + REMOVE;
    private static final String ADDRESS = "it binds the port to one address, which the load balancers' requests and"
            + " health checks may not reach" + REMOVE;

    /** Name without underscores, upper case, to why it is refused. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("SPRINGAPPLICATIONJSON", "its properties" + PRECEDENCE + ": set each property as a variable of its own");
        REFUSED.put("SERVERSERVLETCONTEXTPATH", ROUTES);
        REFUSED.put("SPRINGWEBFLUXBASEPATH", ROUTES);
        REFUSED.put("SPRINGMVCSERVLETPATH", ROUTES);
        REFUSED.put("SERVERADDRESS", ADDRESS);
        REFUSED.put("MANAGEMENTSERVERADDRESS", ADDRESS);
        REFUSED.put("MANAGEMENTENDPOINTSWEBBASEPATH", HEALTH);
        REFUSED.put("MANAGEMENTSERVERBASEPATH", HEALTH);
        REFUSED.put("MANAGEMENTENDPOINTSWEBPATHMAPPINGHEALTH", HEALTH);
    }

    /** The JVM's own variables whose {@code -D} options become system properties, which Spring Boot reads first. */
    private static final Set<String> JVM_OPTIONS = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    private static final String PROBES = "MANAGEMENTENDPOINTHEALTHPROBESENABLED";

    private OverridingVariables() {
    }

    /**
     * @param name  a service's variable, as written in {@code environment:}
     * @param value its value, as written
     * @return why the goal refuses it and what to do instead, or empty when the goal leaves it to the service
     */
    static Optional<String> refusal(String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (JVM_OPTIONS.contains(upper)) {
            return value.contains("-D") ? Optional.of("its -D system properties" + PRECEDENCE
                    + ": keep JVM options only (-Xmx...) and set each property as a variable of its own") : Optional.empty();
        }
        String bound = upper.replace("_", "");
        if (bound.equals(PROBES)) {
            return value.strip().equalsIgnoreCase("true") ? Optional.empty() : Optional.of("it turns off the readiness"
                    + " and liveness groups, which the load balancers' health checks may ask (extract.ecs.healthCheckPath),"
                    + " so every task would fail them and be replaced" + REMOVE);
        }
        return Optional.ofNullable(REFUSED.get(bound));
    }
}
