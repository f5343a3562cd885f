package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.availabilityZone;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noEgress;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.sub;
import static dev.forum.extraction.ecs.Cfn.tags;

import java.util.List;
import java.util.Map;

/**
 * The base stack's network: a VPC over two availability zones, with three subnets in each:
 * <ul>
 * <li>public ({@code 10.0.0.0/24}, {@code 10.0.1.0/24}): the internet-facing load balancer only;</li>
 * <li>private ({@code 10.0.10.0/24}, {@code 10.0.11.0/24}): tasks, database, endpoints;</li>
 * <li>internal load balancer ({@code 10.0.20.0/24}, {@code 10.0.21.0/24}): the internal load balancer only, private
 * and on the private route table, so that the tasks can trust {@code X-Forwarded-For} from the load balancers'
 * subnets without trusting each other ({@link #loadBalancerCidrs}).</li>
 * </ul>
 * The private subnets (and the internal load balancer's, on the same route table) have no route to the internet at all
 * (no NAT gateway): tasks reach ECR, CloudWatch Logs and (when the deployment keeps secrets) Secrets Manager through
 * interface endpoints and S3 (ECR's image layers) through a gateway endpoint, and each other through the internal load
 * balancer. Flow logs of every interface go to the log bucket.
 */
final class Network {

    static final String VPC_CIDR = "10.0.0.0/16";
    static final List<String> ZONES = List.of("A", "B");
    /** The logical id prefix of the internal load balancer's subnets ({@code InternalBalancerSubnetA}, {@code ...B}). */
    static final String INTERNAL_BALANCER_SUBNET = "InternalBalancerSubnet";
    /**
     * The AWS services a task calls, each through an interface endpoint (its private DNS name resolves to it): ECR and
     * CloudWatch Logs always, Secrets Manager only when the deployment keeps a secret ({@link EcsSettings#secrets}).
     */
    static List<String> interfaceEndpoints(boolean secrets) {
        return secrets ? List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager") : List.of("ecr.api", "ecr.dkr", "logs");
    }

    private Network() {
    }

    /** The public subnet of zone {@code zone} (0 or 1): {@code 10.0.<zone>.0/24}. */
    static String publicCidr(int zone) {
        return "10.0." + zone + ".0/24";
    }

    /** The private subnet (tasks, database, endpoints) of zone {@code zone} (0 or 1): {@code 10.0.<10 + zone>.0/24}. */
    static String privateCidr(int zone) {
        return "10.0." + (10 + zone) + ".0/24";
    }

    /** The internal load balancer's subnet of zone {@code zone} (0 or 1): {@code 10.0.<20 + zone>.0/24}. */
    static String internalBalancerCidr(int zone) {
        return "10.0." + (20 + zone) + ".0/24";
    }

    /**
     * The subnets the load balancers' nodes have their addresses in, and nothing else: the public subnets (the
     * internet-facing load balancer) and the internal load balancer's, in that order. No task is placed in any of them.
     */
    static List<String> loadBalancerCidrs() {
        List<String> cidrs = new java.util.ArrayList<>();
        for (int i = 0; i < ZONES.size(); i++) {
            cidrs.add(publicCidr(i));
        }
        for (int i = 0; i < ZONES.size(); i++) {
            cidrs.add(internalBalancerCidr(i));
        }
        return List.copyOf(cidrs);
    }

    /**
     * The addresses of {@code cidrs} as one regular expression of Tomcat's {@code server.tomcat.remoteip.internal-proxies}
     * (a Java regex matched against the whole address): an alternation of one pattern per block, {@code 10.0.0.0/24}
     * being {@code 10\.0\.0\.\d{1,3}}. A regex rather than Tomcat's CIDR list: every Tomcat reads a regex, while a
     * Tomcat without CIDR support would read a CIDR list as a regex that matches no address (and so trust no one).
     *
     * @param cidrs IPv4 blocks on whole octets, at least one
     * @return e.g. {@code 10\.0\.0\.\d{1,3}|10\.0\.20\.\d{1,3}} for {@code 10.0.0.0/24} and {@code 10.0.20.0/24}
     * @throws IllegalArgumentException for no block, or for a block that is not IPv4 on a whole octet (/8, /16, /24 or /32)
     */
    static String internalProxies(List<String> cidrs) {
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("no address block to trust");
        }
        return String.join("|", cidrs.stream().map(Network::blockPattern).toList());
    }

    /** One block's addresses as a regex: {@code 10.0.0.0/16} is {@code 10\.0\.\d{1,3}\.\d{1,3}}. */
    private static String blockPattern(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        if (octets.length != 4 || bits < 8 || bits > 32 || bits % 8 != 0) {
            throw new IllegalArgumentException(cidr + " is not an IPv4 block on a whole octet");
        }
        List<String> pattern = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pattern.add(i < bits / 8 ? octets[i] : "\\d{1,3}");
        }
        return String.join("\\.", pattern);
    }

    /** @param secrets whether the deployment keeps a secret, which the tasks read through Secrets Manager's endpoint */
    static void add(Stack stack, String app, boolean secrets, Map<String, String> tag, EcsNames names) {
        stack.parameter("S3PrefixList", obj("Type", "String", "AllowedPattern", "pl-[0-9a-f]+",
                "Description", "The AWS-managed prefix list of S3 in this region (com.amazonaws.<region>.s3): the only "
                        + "addresses tasks may reach on 443 besides the endpoints. deploy.sh looks it up."));
        stack.add("Vpc", resource("AWS::EC2::VPC", obj("CidrBlock", VPC_CIDR, "EnableDnsSupport", true,
                "EnableDnsHostnames", true, "Tags", tags(app, tag))));
        stack.add("InternetGateway", resource("AWS::EC2::InternetGateway", obj("Tags", tags(app, tag))));
        stack.add("InternetGatewayAttachment", resource("AWS::EC2::VPCGatewayAttachment",
                obj("VpcId", ref("Vpc"), "InternetGatewayId", ref("InternetGateway"))));
        stack.add("PublicRouteTable", resource("AWS::EC2::RouteTable", obj("VpcId", ref("Vpc"),
                "Tags", tags(app + "-public", tag))));
        stack.add("PublicDefaultRoute", resource("AWS::EC2::Route", obj("RouteTableId", ref("PublicRouteTable"),
                "DestinationCidrBlock", "0.0.0.0/0", "GatewayId", ref("InternetGateway"))))
                .put("DependsOn", "InternetGatewayAttachment");
        stack.add("PrivateRouteTable", resource("AWS::EC2::RouteTable", obj("VpcId", ref("Vpc"),
                "Tags", tags(app + "-private", tag))));
        for (int i = 0; i < ZONES.size(); i++) {
            String zone = ZONES.get(i);
            stack.add("PublicSubnet" + zone, resource("AWS::EC2::Subnet", obj("VpcId", ref("Vpc"),
                    "AvailabilityZone", availabilityZone(i), "CidrBlock", publicCidr(i), "MapPublicIpOnLaunch", false,
                    "Tags", tags(app + "-public-" + zone.toLowerCase(), tag))));
            stack.add("PublicSubnet" + zone + "Routes", resource("AWS::EC2::SubnetRouteTableAssociation",
                    obj("SubnetId", ref("PublicSubnet" + zone), "RouteTableId", ref("PublicRouteTable"))));
            stack.add("PrivateSubnet" + zone, resource("AWS::EC2::Subnet", obj("VpcId", ref("Vpc"),
                    "AvailabilityZone", availabilityZone(i), "CidrBlock", privateCidr(i),
                    "MapPublicIpOnLaunch", false, "Tags", tags(app + "-private-" + zone.toLowerCase(), tag))));
            stack.add("PrivateSubnet" + zone + "Routes", resource("AWS::EC2::SubnetRouteTableAssociation",
                    obj("SubnetId", ref("PrivateSubnet" + zone), "RouteTableId", ref("PrivateRouteTable"))));
            // The internal load balancer's own: private like the tasks' (same route table), but nothing else is placed
            // here, so that trusting these addresses trusts the load balancer and no task.
            stack.add(INTERNAL_BALANCER_SUBNET + zone, resource("AWS::EC2::Subnet", obj("VpcId", ref("Vpc"),
                    "AvailabilityZone", availabilityZone(i), "CidrBlock", internalBalancerCidr(i),
                    "MapPublicIpOnLaunch", false, "Tags", tags(app + "-internal-alb-" + zone.toLowerCase(), tag))));
            stack.add(INTERNAL_BALANCER_SUBNET + zone + "Routes", resource("AWS::EC2::SubnetRouteTableAssociation",
                    obj("SubnetId", ref(INTERNAL_BALANCER_SUBNET + zone), "RouteTableId", ref("PrivateRouteTable"))));
        }
        endpoints(stack, app, interfaceEndpoints(secrets), tag);
        stack.add("FlowLog", resource("AWS::EC2::FlowLog", obj(
                "ResourceType", "VPC", "ResourceId", ref("Vpc"), "TrafficType", "ALL",
                "LogDestinationType", "s3", "LogDestination", join("", getAtt("LogBucket", "Arn"), "/flow-logs/"),
                "MaxAggregationInterval", 600, "Tags", tags(app, tag))))
                .put("DependsOn", "LogBucketPolicy");

        stack.output("VpcId", output("The VPC", ref("Vpc"), names.export("VpcId")));
        stack.output("PrivateSubnets", output("The private subnets, comma-separated",
                join(",", ref("PrivateSubnetA"), ref("PrivateSubnetB")), names.export("PrivateSubnets")));
        stack.output("PrivateSubnetA", output("Private subnet in the first zone", ref("PrivateSubnetA"), names.export("PrivateSubnetA")));
        stack.output("PrivateSubnetB", output("Private subnet in the second zone", ref("PrivateSubnetB"), names.export("PrivateSubnetB")));
        stack.output("EndpointSecurityGroup", output("The interface endpoints' security group", getAtt("EndpointSecurityGroup", "GroupId"),
                names.export("EndpointSecurityGroup")));
        stack.output("S3PrefixList", output("S3's prefix list (for the tasks' egress to ECR's image layers)", ref("S3PrefixList"),
                names.export("S3PrefixList")));
    }

    private static void endpoints(Stack stack, String app, List<String> interfaceEndpoints, Map<String, String> tag) {
        // Ingress rules are added by the service stacks (from each service's group) and by the database bootstrap.
        stack.add("EndpointSecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " interface endpoints: HTTPS from the tasks only",
                "VpcId", ref("Vpc"),
                "SecurityGroupEgress", list(noEgress()),
                "Tags", tags(app + "-endpoints", tag))));
        // ECR keeps image layers in S3; the gateway endpoint lets the private subnets fetch them, and nothing else of S3.
        stack.add("S3Endpoint", resource("AWS::EC2::VPCEndpoint", obj(
                "VpcEndpointType", "Gateway", "VpcId", ref("Vpc"),
                "ServiceName", sub("com.amazonaws.${AWS::Region}.s3"),
                "RouteTableIds", list(ref("PrivateRouteTable")),
                "PolicyDocument", obj("Version", "2012-10-17", "Statement", list(obj(
                        "Sid", "EcrImageLayersOnly", "Effect", "Allow", "Principal", "*", "Action", "s3:GetObject",
                        "Resource", sub("arn:${AWS::Partition}:s3:::prod-${AWS::Region}-starport-layer-bucket/*")))))));
        for (String service : interfaceEndpoints) {
            stack.add(endpointId(service), resource("AWS::EC2::VPCEndpoint", obj(
                    "VpcEndpointType", "Interface", "VpcId", ref("Vpc"),
                    "ServiceName", sub("com.amazonaws.${AWS::Region}." + service),
                    "PrivateDnsEnabled", true,
                    "SubnetIds", list(ref("PrivateSubnetA"), ref("PrivateSubnetB")),
                    "SecurityGroupIds", list(getAtt("EndpointSecurityGroup", "GroupId")))));
        }
    }

    /** {@code ecr.api} is {@code EcrApiEndpoint}. */
    static String endpointId(String service) {
        return EcsNames.id(service.replace('.', '-')) + "Endpoint";
    }
}
