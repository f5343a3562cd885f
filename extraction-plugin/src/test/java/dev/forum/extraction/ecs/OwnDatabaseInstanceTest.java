package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.OwnDatabaseTemplates.getAtt;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.importOf;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.list;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.postsOwn;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.resource;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The own database's stack ({@code database-posts.json}): the RDS instance and its settings beside the shared one's,
 * the security groups that admit exactly who needs it, and the alarms that watch a move on both instances.
 */
class OwnDatabaseInstanceTest {

    @Test
    void theOwnInstanceIsPrivateEncryptedBackedUpAndProtectedAsTheSharedOneIs() {
        Map<String, String> files = Templates.render(postsOwn());
        JsonNode shared = resource(template(files, "base.json"), "Database");
        JsonNode ownTemplate = template(files, "database-posts.json");
        JsonNode own = resource(ownTemplate, "Database");
        JsonNode p = own.path("Properties");
        assertEquals("db.t4g.small", p.path("DBInstanceClass").asText());
        assertEquals("50", p.path("AllocatedStorage").asText());
        assertFalse(p.path("PubliclyAccessible").asBoolean(true));
        assertTrue(p.path("StorageEncrypted").asBoolean());
        assertTrue(p.path("BackupRetentionPeriod").asInt() > 0, "automated backups: point-in-time recovery");
        assertTrue(p.path("DeletionProtection").asBoolean());
        assertEquals("Snapshot", own.path("DeletionPolicy").asText());
        assertEquals("Snapshot", own.path("UpdateReplacePolicy").asText());
        assertTrue(p.path("ManageMasterUserPassword").asBoolean(), "RDS keeps the admin password in Secrets Manager");
        assertEquals(importOf("forum-base-SecretsKey"), p.path("MasterUserSecret").path("KmsKeyId"));
        assertEquals(importOf("forum-base-DatabaseParameters"), p.path("DBParameterGroupName"), "the logical-replication group");
        for (String same : List.of("Engine", "EngineVersion", "BackupRetentionPeriod", "CACertificateIdentifier", "DBName",
                "MasterUsername", "StorageType", "CopyTagsToSnapshot", "AutoMinorVersionUpgrade", "EnableCloudwatchLogsExports")) {
            assertEquals(shared.path("Properties").path(same), p.path(same), same + " as the shared instance has it");
        }
        assertEquals("DatabaseSubnets", p.path("DBSubnetGroupName").path("Ref").asText(), "a subnet group of its own");
        JsonNode subnets = resource(ownTemplate, "DatabaseSubnets");
        assertEquals("AWS::RDS::DBSubnetGroup", subnets.path("Type").asText());
        assertEquals(List.of(importOf("forum-base-PrivateSubnetA"), importOf("forum-base-PrivateSubnetB")),
                list(subnets.path("Properties").path("SubnetIds")));
        assertEquals(List.of(getAtt("DatabaseSecurityGroup", "GroupId")), list(p.path("VPCSecurityGroups")));
    }

    @Test
    void theOwnDatabaseAdmitsExactlyTheServicesTasksTheMoveAndBootstrapTasksAndTheSharedInstance() {
        Map<String, String> files = Templates.render(postsOwn());
        JsonNode ownSg = getAtt("DatabaseSecurityGroup", "GroupId");
        JsonNode ownSgImported = importOf("forum-posts-db-DatabaseSecurityGroup");
        Set<String> admitted = new TreeSet<>();
        Set<String> sharedAdmits = new TreeSet<>();
        Set<String> sharedReaches = new TreeSet<>();
        for (Map.Entry<String, String> file : Templates.cloudFormation(files).entrySet()) {
            JsonNode template = Templates.json(file.getValue());
            boolean ownStack = file.getKey().equals("database-posts.json");
            for (JsonNode rule : Templates.ofType(template, "AWS::EC2::SecurityGroupIngress")) {
                JsonNode p = rule.path("Properties");
                JsonNode group = p.path("GroupId");
                boolean toOwn = ownStack ? group.equals(ownSg) : group.equals(ownSgImported);
                boolean toShared = group.equals(importOf("forum-base-DatabaseSecurityGroup"));
                if (toOwn || (toShared && ownStack)) {
                    assertEquals(5432, p.path("FromPort").asInt(), rule.toString());
                    assertEquals(5432, p.path("ToPort").asInt(), rule.toString());
                    assertEquals("tcp", p.path("IpProtocol").asText(), rule.toString());
                    (toOwn ? admitted : sharedAdmits).add(peer(file.getKey(), p.path("SourceSecurityGroupId")));
                }
            }
            for (JsonNode rule : Templates.ofType(template, "AWS::EC2::SecurityGroupEgress")) {
                JsonNode p = rule.path("Properties");
                if (ownStack && p.path("GroupId").equals(importOf("forum-base-DatabaseSecurityGroup"))) {
                    assertEquals(5432, p.path("FromPort").asInt(), rule.toString());
                    sharedReaches.add(peer(file.getKey(), p.path("DestinationSecurityGroupId")));
                }
            }
        }
        assertEquals(Set.of("posts tasks", "move task", "bootstrap task", "shared database"), admitted);
        assertEquals(Set.of("own database", "move task"), sharedAdmits, "the shared instance admits the way there and the move");
        assertEquals(Set.of("own database"), sharedReaches, "the shared instance's way-back subscription reaches the own one");

        JsonNode own = template(files, "database-posts.json");
        JsonNode group = resource(own, "DatabaseSecurityGroup").path("Properties");
        assertTrue(group.path("SecurityGroupIngress").isMissingNode(), "no inline ingress: " + group);
        JsonNode egress = group.path("SecurityGroupEgress");
        assertEquals(1, egress.size(), egress.toString());
        assertEquals(5432, egress.path(0).path("FromPort").asInt());
        assertEquals(importOf("forum-base-DatabaseSecurityGroup"), egress.path(0).path("DestinationSecurityGroupId"),
                "out only to the shared instance (its subscription during a move)");
        JsonNode move = resource(own, "MoveSecurityGroup").path("Properties");
        assertTrue(move.path("SecurityGroupIngress").isMissingNode(), "nothing reaches the move task");
        Set<String> moveOut = new HashSet<>();
        move.path("SecurityGroupEgress").forEach(e -> moveOut.add(e.path("FromPort").asInt() + " " + (e.has("DestinationPrefixListId")
                ? "s3" : e.path("DestinationSecurityGroupId").toString())));
        assertEquals(Set.of("5432 " + ownSg, "5432 " + importOf("forum-base-DatabaseSecurityGroup"),
                "443 " + importOf("forum-base-EndpointSecurityGroup"), "443 s3"), moveOut);

        // The service's tasks reach their own database too, and the ECS service starts after that path is open.
        JsonNode service = template(files, "service-posts.json");
        List<String> taskEgress = new ArrayList<>();
        resource(service, "SecurityGroup").path("Properties").path("SecurityGroupEgress").forEach(e -> {
            if (e.path("FromPort").asInt() == 5432) {
                taskEgress.add(e.path("DestinationSecurityGroupId").toString());
            }
        });
        assertEquals(List.of(importOf("forum-base-DatabaseSecurityGroup").toString(), ownSgImported.toString()), taskEgress);
        assertTrue(list(resource(service, "Service").path("DependsOn")).contains(Templates.json("\"OwnDatabaseFromTasks\"")));
    }

    /** A rule's peer in words: which group it names, seen from the template that holds it. */
    private static String peer(String file, JsonNode group) {
        Map<JsonNode, String> known = new HashMap<>();
        known.put(importOf("forum-base-DatabaseSecurityGroup"), "shared database");
        known.put(importOf("forum-base-DatabaseBootstrapSecurityGroup"), "bootstrap task");
        if (file.equals("database-posts.json")) {
            known.put(getAtt("MoveSecurityGroup", "GroupId"), "move task");
            known.put(getAtt("DatabaseSecurityGroup", "GroupId"), "own database");
        }
        if (file.equals("service-posts.json")) {
            known.put(getAtt("SecurityGroup", "GroupId"), "posts tasks");
        }
        String name = known.get(group);
        assertTrue(name != null, file + ": a rule names an unexpected group " + group);
        return name;
    }

    @Test
    void theMoveAlarmsWatchSlotLagSlotDiskWalAndFreeStorageOnBothInstances() {
        JsonNode own = template(Templates.render(postsOwn()), "database-posts.json");
        Map<String, JsonNode> alarms = Templates.idsOfType(own, "AWS::CloudWatch::Alarm");
        Set<String> watched = new TreeSet<>();
        for (JsonNode alarm : alarms.values()) {
            JsonNode p = alarm.path("Properties");
            assertEquals("AWS/RDS", p.path("Namespace").asText());
            JsonNode dimension = p.path("Dimensions").path(0);
            assertEquals("DBInstanceIdentifier", dimension.path("Name").asText());
            String instance = dimension.path("Value").equals(Templates.json("{\"Ref\":\"Database\"}")) ? "own"
                    : dimension.path("Value").equals(importOf("forum-base-DatabaseInstance")) ? "shared" : "?";
            watched.add(instance + " " + p.path("MetricName").asText());
            assertTrue(p.path("AlarmActions").has("Fn::If"), "notifies the topic when one is given");
        }
        Set<String> expected = new TreeSet<>();
        for (String instance : List.of("own", "shared")) {
            for (String metric : List.of("OldestReplicationSlotLag", "ReplicationSlotDiskUsage", "TransactionLogsDiskUsage",
                    "FreeStorageSpace")) {
                expected.add(instance + " " + metric);
            }
        }
        assertEquals(expected, watched);
        JsonNode free = alarms.get("OwnFreeStorageSpaceAlarm").path("Properties");
        assertEquals("LessThanThreshold", free.path("ComparisonOperator").asText());
        assertEquals(50L * MoveAlarms.GIB / 5, free.path("Threshold").asLong(), "a fifth of its 50 GiB");
        assertEquals(20L * MoveAlarms.GIB / 10, alarms.get("SharedReplicationSlotDiskUsageAlarm").path("Properties")
                .path("Threshold").asLong(), "a tenth of the shared instance's 20 GiB");
        assertEquals("notBreaching", alarms.get("OwnReplicationSlotLagAlarm").path("Properties").path("TreatMissingData").asText(),
                "no slot, no metric: not an alarm");
        JsonNode withTopic = Templates.resolve(own, Map.of("AlarmTopic", "arn:aws:sns:eu-west-1:123456789012:ops"));
        assertEquals(Templates.json("[{\"Ref\":\"AlarmTopic\"}]"),
                withTopic.path("Resources").path("OwnReplicationSlotLagAlarm").path("Properties").path("AlarmActions"));
    }
}
