package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whom a task believes {@code X-Forwarded-For} from ({@code SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES}): the two load
 * balancers' subnets and nothing else. The internet-facing load balancer has the public subnets, the internal one
 * subnets of its own; every task is in the private subnets, whose addresses the variable does not match, so that a
 * task that reaches another cannot make it believe a client address of its choosing.
 */
class TrustedProxiesTest {

    private static final String VARIABLE = "SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES";

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyTaskTrustsTheLoadBalancersSubnetsAndNoTasksSubnet(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = Templates.render(topology);
        JsonNode base = json(files.get("base.json"));
        Map<String, JsonNode> subnets = Templates.idsOfType(base, "AWS::EC2::Subnet");
        assertEquals(List.of("PublicSubnetA", "PrivateSubnetA", "InternalBalancerSubnetA",
                "PublicSubnetB", "PrivateSubnetB", "InternalBalancerSubnetB"), List.copyOf(subnets.keySet()));

        List<String> values = new ArrayList<>();
        for (ServiceSpec service : topology.deployedServices()) {
            JsonNode container = Templates.resolve(json(files.get("service-" + service.name() + ".json")), Map.of())
                    .path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
            values.add(Templates.environment(container).get(VARIABLE).asText());
            json(files.get("taskdefs/" + service.name() + ".json")).path("containerDefinitions").path(0).path("environment")
                    .forEach(e -> {
                        if (e.path("name").asText().equals(VARIABLE)) {
                            values.add(e.path("value").asText());
                        }
                    });
        }
        assertEquals(2 * topology.deployedServices().size(), values.size(), "the stack's and the hand-registered task definitions");
        for (String value : values) {
            Pattern trusted = Pattern.compile(value);
            for (String balancerSubnet : List.of("PublicSubnetA", "PublicSubnetB", "InternalBalancerSubnetA", "InternalBalancerSubnetB")) {
                for (String address : addresses(subnets.get(balancerSubnet))) {
                    assertTrue(trusted.matcher(address).matches(), balancerSubnet + ": " + address + " is not trusted by " + value);
                }
            }
            for (String taskSubnet : List.of("PrivateSubnetA", "PrivateSubnetB")) {
                for (String address : addresses(subnets.get(taskSubnet))) {
                    assertFalse(trusted.matcher(address).matches(), taskSubnet + ": " + address + " is trusted by " + value);
                }
            }
            for (String other : List.of("10.0.10.5", "10.0.11.23", "10.0.2.1", "10.0.30.1", "10.1.0.1", "192.168.0.1", "10.0.0.1000")) {
                assertFalse(trusted.matcher(other).matches(), other + " is trusted by " + value);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void theInternalLoadBalancerHasSubnetsOfItsOwnWhereNothingElseIsPlaced(Path file) {
        Map<String, String> files = Templates.render(ForumTopologies.topology(file));
        JsonNode base = json(files.get("base.json"));
        JsonNode resources = base.path("Resources");
        assertEquals("[{\"Ref\":\"InternalBalancerSubnetA\"},{\"Ref\":\"InternalBalancerSubnetB\"}]",
                resources.path("InternalLoadBalancer").path("Properties").path("Subnets").toString());
        assertEquals("[{\"Ref\":\"PublicSubnetA\"},{\"Ref\":\"PublicSubnetB\"}]",
                resources.path("LoadBalancer").path("Properties").path("Subnets").toString());
        for (String zone : Network.ZONES) {
            int index = Network.ZONES.indexOf(zone);
            JsonNode subnet = resources.path("InternalBalancerSubnet" + zone).path("Properties");
            assertEquals("10.0." + (20 + index) + ".0/24", subnet.path("CidrBlock").asText());
            assertFalse(subnet.path("MapPublicIpOnLaunch").asBoolean(true));
            assertEquals(resources.path("PrivateSubnet" + zone).path("Properties").path("AvailabilityZone"),
                    subnet.path("AvailabilityZone"), "one per zone, beside the zone's tasks");
            assertEquals("{\"Ref\":\"PrivateRouteTable\"}", resources.path("InternalBalancerSubnet" + zone + "Routes")
                    .path("Properties").path("RouteTableId").toString(), "private: the private subnets' route table");
        }
        // Only the internal load balancer and the route table associations name these subnets, and no output: no stack,
        // service, one-off task (deploy.sh's run-task takes PrivateSubnets), database or endpoint can be placed there.
        List<String> naming = new ArrayList<>();
        resources.fields().forEachRemaining(r -> {
            if (r.getValue().toString().contains("\"InternalBalancerSubnet")) {
                naming.add(r.getKey());
            }
        });
        assertEquals(List.of("InternalBalancerSubnetARoutes", "InternalBalancerSubnetBRoutes", "InternalLoadBalancer"),
                naming.stream().sorted().toList());
        assertFalse(base.path("Outputs").toString().contains("InternalBalancerSubnet"), base.path("Outputs").toString());
        files.forEach((name, text) -> {
            if (!name.equals("base.json")) {
                assertFalse(text.contains("InternalBalancerSubnet"), name);
            }
        });
        assertEquals("{\"Fn::Join\":[\",\",[{\"Ref\":\"PrivateSubnetA\"},{\"Ref\":\"PrivateSubnetB\"}]]}",
                base.path("Outputs").path("PrivateSubnets").path("Value").toString(), "one-off tasks go to the tasks' subnets");
    }

    @Test
    void theTrustedAddressesAreARegexOfTheBlocks() {
        assertEquals("10\\.0\\.0\\.\\d{1,3}|10\\.0\\.1\\.\\d{1,3}|10\\.0\\.20\\.\\d{1,3}|10\\.0\\.21\\.\\d{1,3}",
                Network.internalProxies(Network.loadBalancerCidrs()));
        assertEquals("172\\.16\\.0\\.\\d{1,3}", Network.internalProxies(List.of("172.16.0.0/24")));
        assertEquals("10\\.0\\.\\d{1,3}\\.\\d{1,3}", Network.internalProxies(List.of("10.0.0.0/16")));
        assertThrows(IllegalArgumentException.class, () -> Network.internalProxies(List.of("10.0.0.0/12")));
        assertThrows(IllegalArgumentException.class, () -> Network.internalProxies(List.of("10.0.0/24")));
        assertThrows(IllegalArgumentException.class, () -> Network.internalProxies(List.of()));
        Pattern trusted = Pattern.compile(Network.internalProxies(Network.loadBalancerCidrs()));
        assertTrue(trusted.matcher("10.0.20.5").matches() && trusted.matcher("10.0.1.250").matches());
        assertFalse(trusted.matcher("10.0.10.5").matches());
        assertFalse(trusted.matcher("10.0.20.5.1").matches(), "the whole address, not a prefix");
    }

    /** A few addresses of the subnet's /24 block: its first usable one, one in the middle and its last. */
    private static List<String> addresses(JsonNode subnet) {
        String cidr = subnet.path("Properties").path("CidrBlock").asText();
        assertTrue(cidr.endsWith(".0/24"), cidr);
        String prefix = cidr.substring(0, cidr.length() - "0/24".length());
        return List.of(prefix + "4", prefix + "77", prefix + "254");
    }
}
