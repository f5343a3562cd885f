package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AWS Security Hub controls (Foundational Security Best Practices) that apply to what the stacks create, one
 * test each, on every example topology's rendered templates (no scanner can run here). The README's "Security Hub
 * controls" lists them with the ones left open on purpose. A test named {@code elb4_...} is control ELB.4.
 */
class SecurityHubControlsTest {

    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";

    /** Every example topology: its name to its rendered, parsed templates. */
    private static Map<String, Map<String, JsonNode>> rendered() {
        Map<String, Map<String, JsonNode>> all = new LinkedHashMap<>();
        for (Path file : ForumTopologies.files().toList()) {
            Topology topology = ForumTopologies.topology(file);
            Map<String, JsonNode> templates = new LinkedHashMap<>();
            Templates.cloudFormation(Templates.render(topology)).forEach((name, text) -> templates.put(name, Templates.json(text)));
            all.put(file.getFileName().toString(), templates);
        }
        return all;
    }

    private static List<JsonNode> everywhere(String type) {
        List<JsonNode> found = new ArrayList<>();
        rendered().values().forEach(templates -> templates.values().forEach(t -> found.addAll(Templates.ofType(t, type))));
        assertFalse(found.isEmpty(), "no " + type + " rendered");
        return found;
    }

    private static List<JsonNode> containers() {
        List<JsonNode> found = new ArrayList<>();
        everywhere("AWS::ECS::TaskDefinition").forEach(t -> t.path("Properties").path("ContainerDefinitions").forEach(found::add));
        return found;
    }

    private static Map<String, String> attributes(JsonNode loadBalancer) {
        Map<String, String> attributes = new LinkedHashMap<>();
        loadBalancer.path("Properties").path("LoadBalancerAttributes")
                .forEach(a -> attributes.put(a.path("Key").asText(), a.path("Value").asText()));
        return attributes;
    }

    // --- Elastic Load Balancing ---

    @Test
    void elb1_httpRedirectsToHttpsWhenACertificateIsGiven() {
        for (Map<String, JsonNode> templates : rendered().values()) {
            JsonNode https = Templates.resolve(templates.get("base.json"), Map.of("CertificateArn", CERTIFICATE));
            JsonNode redirect = https.path("Resources").path("HttpsRedirectRule").path("Properties");
            assertEquals("HTTPS", redirect.path("Actions").path(0).path("RedirectConfig").path("Protocol").asText());
            assertEquals("HTTP_301", redirect.path("Actions").path(0).path("RedirectConfig").path("StatusCode").asText());
            // Other methods are refused, not redirected: a redirect would turn a POST into a GET.
            assertEquals("400", https.path("Resources").path("HttpListener").path("Properties").path("DefaultActions").path(0)
                    .path("FixedResponseConfig").path("StatusCode").asText());
        }
    }

    @Test
    void elb4_elb5_elb6_elb12_loadBalancersDropInvalidHeadersLogResistDesyncAndAreProtectedFromDeletion() {
        for (JsonNode balancer : everywhere("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            Map<String, String> attributes = attributes(balancer);
            assertEquals("true", attributes.get("routing.http.drop_invalid_header_fields.enabled"), "ELB.4");
            assertEquals("true", attributes.get("access_logs.s3.enabled"), "ELB.5");
            assertEquals("{\"Ref\":\"LogBucket\"}", balancer.path("Properties").path("LoadBalancerAttributes").findValues("Value").stream()
                    .filter(v -> v.isObject()).findFirst().orElseThrow().toString(), "ELB.5: logs go to the base stack's bucket");
            assertEquals("true", attributes.get("deletion_protection.enabled"), "ELB.6");
            assertTrue(Set.of("defensive", "strictest").contains(attributes.get("routing.http.desync_mitigation_mode")), "ELB.12");
        }
    }

    @Test
    void elb13_loadBalancersSpanTwoAvailabilityZones() {
        for (JsonNode balancer : everywhere("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            assertEquals(2, balancer.path("Properties").path("Subnets").size());
        }
    }

    @Test
    void elb16_theInternetFacingLoadBalancerHasAWebAcl() {
        for (Map<String, JsonNode> templates : rendered().values()) {
            JsonNode association = templates.get("base.json").path("Resources").path("WebAclAssociation").path("Properties");
            assertEquals("{\"Ref\":\"LoadBalancer\"}", association.path("ResourceArn").toString());
            assertEquals("{\"Fn::GetAtt\":[\"WebAcl\",\"Arn\"]}", association.path("WebACLArn").toString());
        }
    }

    @Test
    void elbTls_theHttpsListenerUsesATls13Policy() {
        for (Map<String, JsonNode> templates : rendered().values()) {
            JsonNode listener = templates.get("base.json").path("Resources").path("HttpsListener");
            assertEquals("Https", listener.path("Condition").asText());
            assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", listener.path("Properties").path("SslPolicy").asText());
        }
    }

    // --- ECS ---

    @Test
    void ecs1_ecs17_tasksUseAwsvpcNetworkingNotTheHostsNamespaces() {
        for (JsonNode task : everywhere("AWS::ECS::TaskDefinition")) {
            assertEquals("awsvpc", task.path("Properties").path("NetworkMode").asText());
            assertFalse(task.path("Properties").has("PidMode"), "ECS.3: no shared process namespace");
            assertFalse(task.path("Properties").has("IpcMode"));
        }
    }

    @Test
    void ecs2_servicesGetNoPublicIp() {
        for (JsonNode service : everywhere("AWS::ECS::Service")) {
            assertEquals("DISABLED", service.path("Properties").path("NetworkConfiguration").path("AwsvpcConfiguration")
                    .path("AssignPublicIp").asText());
        }
    }

    @Test
    void ecs4_ecs5_ecs20_containersAreUnprivilegedNonRootAndReadOnly() {
        for (JsonNode container : containers()) {
            assertFalse(container.path("Privileged").asBoolean(true), "ECS.4");
            assertTrue(container.path("ReadonlyRootFilesystem").asBoolean(), "ECS.5");
            assertEquals("65532:65532", container.path("User").asText(), "ECS.20");
            assertEquals("[\"ALL\"]", container.path("LinuxParameters").path("Capabilities").path("Drop").toString());
            assertTrue(container.path("LinuxParameters").path("InitProcessEnabled").asBoolean());
        }
    }

    @Test
    void ecs8_noSecretIsPassedAsAnEnvironmentVariable() {
        for (JsonNode container : containers()) {
            Templates.environment(container).forEach((name, value) -> {
                assertFalse(name.matches(".*(PASSWORD|SECRET|KEYS?|TOKEN|CREDENTIALS?)$"),
                        name + " belongs in Secrets");
                assertFalse(value.toString().toLowerCase().contains("password"), name);
            });
            for (JsonNode secret : container.path("Secrets")) {
                String from = secret.has("Fn::If") ? secret.path("Fn::If").path(1).path("ValueFrom").toString() : secret.path("ValueFrom").toString();
                assertTrue(from.contains("Secret"), "from Secrets Manager: " + secret);
            }
        }
    }

    @Test
    void ecs9_everyContainerLogs() {
        for (JsonNode container : containers()) {
            assertEquals("awslogs", container.path("LogConfiguration").path("LogDriver").asText());
        }
    }

    @Test
    void ecs10_servicesRunTheLatestFargatePlatform() {
        for (JsonNode service : everywhere("AWS::ECS::Service")) {
            assertEquals("LATEST", service.path("Properties").path("PlatformVersion").asText());
            assertEquals("FARGATE", service.path("Properties").path("LaunchType").asText());
        }
    }

    @Test
    void ecs12_theClusterUsesContainerInsights() {
        for (JsonNode cluster : everywhere("AWS::ECS::Cluster")) {
            assertEquals("[{\"Name\":\"containerInsights\",\"Value\":\"enabled\"}]", cluster.path("Properties").path("ClusterSettings").toString());
        }
    }

    // --- RDS ---

    @Test
    void rds2_rds3_rds8_rds9_rds11_rds13_rds17_theDatabaseIsPrivateEncryptedProtectedLoggedBackedUpAndPatched() {
        for (JsonNode database : everywhere("AWS::RDS::DBInstance")) {
            JsonNode p = database.path("Properties");
            assertFalse(p.path("PubliclyAccessible").asBoolean(true), "RDS.2");
            assertTrue(p.path("StorageEncrypted").asBoolean(), "RDS.3");
            assertTrue(p.path("DeletionProtection").asBoolean(), "RDS.8");
            assertEquals("[\"postgresql\",\"upgrade\"]", p.path("EnableCloudwatchLogsExports").toString(), "RDS.9");
            assertTrue(p.path("BackupRetentionPeriod").asInt() >= 7, "RDS.11");
            assertTrue(p.path("AutoMinorVersionUpgrade").asBoolean(), "RDS.13");
            assertTrue(p.path("CopyTagsToSnapshot").asBoolean(), "RDS.17");
        }
        // RDS.5: the shared instance takes the topology's database.multi-az as a parameter of the base stack; a
        // service's own instance (its own stack, no such parameter) takes the same setting as rendered.
        rendered().forEach((file, templates) -> {
            JsonNode multiAz = templates.values().stream().map(t -> t.path("Parameters").path("DatabaseMultiAZ"))
                    .filter(parameter -> !parameter.isMissingNode()).findFirst().orElseThrow();
            templates.forEach((name, template) -> Templates.ofType(template, "AWS::RDS::DBInstance").forEach(database -> {
                JsonNode value = database.path("Properties").path("MultiAZ");
                if (template.path("Parameters").has("DatabaseMultiAZ")) {
                    assertEquals("{\"Ref\":\"DatabaseMultiAZ\"}", value.toString(), "RDS.5 in " + file + " " + name);
                } else {
                    assertTrue(value.isBoolean(), "RDS.5 in " + file + " " + name + ": " + value);
                    assertEquals(multiAz.path("Default").asText(), value.asText(), "RDS.5 in " + file + " " + name);
                }
            }));
        });
        for (JsonNode parameters : everywhere("AWS::RDS::DBParameterGroup")) {
            assertEquals("1", parameters.path("Properties").path("Parameters").path("rds.force_ssl").asText(), "TLS only");
        }
    }

    // --- ECR ---

    @Test
    void ecr1_ecr2_ecr3_repositoriesScanKeepTagsAndExpireOldImages() {
        for (JsonNode repository : everywhere("AWS::ECR::Repository")) {
            JsonNode p = repository.path("Properties");
            assertTrue(p.path("ImageScanningConfiguration").path("ScanOnPush").asBoolean(), "ECR.1");
            assertEquals("IMMUTABLE", p.path("ImageTagMutability").asText(), "ECR.2");
            assertTrue(p.path("LifecyclePolicy").path("LifecyclePolicyText").asText().contains("imageCountMoreThan"), "ECR.3");
        }
    }

    // --- EC2 ---

    @Test
    void ec2_6_theVpcLogsItsFlows() {
        for (Map<String, JsonNode> templates : rendered().values()) {
            JsonNode flowLog = templates.get("base.json").path("Resources").path("FlowLog").path("Properties");
            assertEquals("ALL", flowLog.path("TrafficType").asText());
            assertEquals("{\"Ref\":\"Vpc\"}", flowLog.path("ResourceId").toString());
        }
    }

    @Test
    void ec2_15_subnetsAssignNoPublicIp() {
        for (JsonNode subnet : everywhere("AWS::EC2::Subnet")) {
            assertFalse(subnet.path("Properties").path("MapPublicIpOnLaunch").asBoolean(true));
        }
    }

    @Test
    void ec2_18_ec2_19_onlyHttpAndHttpsAreOpenToTheInternet() {
        List<JsonNode> rules = new ArrayList<>();
        everywhere("AWS::EC2::SecurityGroup").forEach(g -> g.path("Properties").path("SecurityGroupIngress").forEach(rules::add));
        everywhere("AWS::EC2::SecurityGroupIngress").forEach(r -> rules.add(r.path("Properties")));
        for (JsonNode rule : rules) {
            if (rule.has("CidrIp") || rule.has("CidrIpv6")) {
                assertEquals("tcp", rule.path("IpProtocol").asText(), rule.toString());
                assertTrue(Set.of(80, 443).contains(rule.path("FromPort").asInt()) && rule.path("FromPort").equals(rule.path("ToPort")),
                        "open to an address range: " + rule);
            }
        }
        for (JsonNode group : everywhere("AWS::EC2::SecurityGroup")) {
            assertTrue(group.path("Properties").has("SecurityGroupEgress"), "no group keeps CloudFormation's allow-all egress: " + group);
            group.path("Properties").path("SecurityGroupEgress").forEach(egress -> {
                assertFalse("0.0.0.0/0".equals(egress.path("CidrIp").asText()), "egress to anywhere: " + egress);
            });
        }
    }

    @Test
    void ec2_55_ec2_56_theVpcHasEndpointsForEcrAndNoRouteToTheInternetFromPrivateSubnets() {
        for (Map<String, JsonNode> templates : rendered().values()) {
            JsonNode base = templates.get("base.json");
            List<String> services = new ArrayList<>();
            Templates.ofType(base, "AWS::EC2::VPCEndpoint").forEach(e -> services.add(e.path("Properties").path("ServiceName").path("Fn::Sub").asText()));
            assertEquals(List.of("com.amazonaws.${AWS::Region}.s3", "com.amazonaws.${AWS::Region}.ecr.api",
                    "com.amazonaws.${AWS::Region}.ecr.dkr", "com.amazonaws.${AWS::Region}.logs",
                    "com.amazonaws.${AWS::Region}.secretsmanager"), services);
            assertTrue(Templates.ofType(base, "AWS::EC2::NatGateway").isEmpty(), "no NAT gateway");
            for (JsonNode route : Templates.ofType(base, "AWS::EC2::Route")) {
                assertEquals("{\"Ref\":\"PublicRouteTable\"}", route.path("Properties").path("RouteTableId").toString(),
                        "only the public subnets route to the internet");
            }
        }
    }

    // --- KMS, S3 (the secrets' key, the log bucket) ---

    @Test
    void kms4_theSecretsKeyRotates() {
        for (JsonNode key : everywhere("AWS::KMS::Key")) {
            assertTrue(key.path("Properties").path("EnableKeyRotation").asBoolean());
        }
        for (JsonNode secret : everywhere("AWS::SecretsManager::Secret")) {
            assertEquals("{\"Ref\":\"SecretsKey\"}", secret.path("Properties").path("KmsKeyId").toString(), "every secret with our key");
        }
    }

    @Test
    void s3_5_s3_8_theLogBucketIsPrivateEncryptedTlsOnlyAndExpires() {
        for (Map<String, JsonNode> templates : rendered().values()) {
            JsonNode resources = templates.get("base.json").path("Resources");
            JsonNode bucket = resources.path("LogBucket").path("Properties");
            bucket.path("PublicAccessBlockConfiguration").forEach(flag -> assertTrue(flag.asBoolean()));
            assertEquals(4, bucket.path("PublicAccessBlockConfiguration").size());
            assertEquals("AES256", bucket.findValue("SSEAlgorithm").asText());
            assertEquals(LogBucket.RETENTION_DAYS, bucket.findValue("ExpirationInDays").asInt());
            JsonNode tlsOnly = resources.path("LogBucketPolicy").path("Properties").path("PolicyDocument").path("Statement").path(0);
            assertEquals("Deny", tlsOnly.path("Effect").asText());
            assertEquals("false", tlsOnly.path("Condition").path("Bool").path("aws:SecureTransport").asText());
        }
    }
}
