package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's own database (issue 16) as the stacks render it: the shared instance's logical replication, the own
 * instance and who reaches it, the service's moved credentials, the move tasks, the bootstrap on it and the alarms.
 */
class OwnDatabaseTest {

    /** posts has a database of its own; threads is extracted without one; users stays in the monolith. */
    static final String POSTS_OWN = """
            services:
              - { name: monolith, monolith: true }
              - name: posts
                modules: [posts]
                database: { instance: db.t4g.small, storage: 50 }
              - { name: content, modules: [threads], traffic: 50 }
            """;

    private static Topology postsOwn() {
        return ForumTopologies.topology(POSTS_OWN);
    }

    private static JsonNode template(Map<String, String> files, String name) {
        String text = files.get(name);
        assertTrue(text != null, name + " is rendered: " + files.keySet());
        return Templates.json(text);
    }

    private static JsonNode resource(JsonNode template, String id) {
        JsonNode resource = template.path("Resources").path(id);
        assertFalse(resource.isMissingNode(), id + " is in the template");
        return resource;
    }

    private static JsonNode importOf(String export) {
        return Templates.json("{\"Fn::ImportValue\":\"" + export + "\"}");
    }

    private static JsonNode getAtt(String id, String attribute) {
        return Templates.json("{\"Fn::GetAtt\":[\"" + id + "\",\"" + attribute + "\"]}");
    }

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void theSharedInstanceHasLogicalReplicationFromItsFirstDeploymentInEveryTopology(Path file) {
        assertLogicalReplication(Templates.render(ForumTopologies.topology(file)));
    }

    @Test
    void theSharedInstanceHasLogicalReplicationWithAnOwnDatabaseToo() {
        assertLogicalReplication(Templates.render(postsOwn()));
    }

    private static void assertLogicalReplication(Map<String, String> files) {
        JsonNode base = template(files, "base.json");
        JsonNode group = resource(base, "DatabaseParameters");
        assertEquals("AWS::RDS::DBParameterGroup", group.path("Type").asText());
        assertEquals("1", group.path("Properties").path("Parameters").path("rds.logical_replication").asText(), group.toString());
        assertEquals("1", group.path("Properties").path("Parameters").path("rds.force_ssl").asText(), "TLS stays forced");
        assertEquals("DatabaseParameters", resource(base, "Database").path("Properties").path("DBParameterGroupName")
                .path("Ref").asText());
    }

    @Test
    void aServiceWithItsOwnDatabaseRendersItsStackAfterTheBaseAndEveryTemplateIsValid() {
        Map<String, String> files = Templates.render(postsOwn());
        List<String> names = List.copyOf(files.keySet());
        assertEquals(List.of("base.json", "database-posts.json", "db-bootstrap.json"), names.subList(0, 3), names.toString());
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));

        // Two services with databases of their own, with every setting: no logical id or export collides.
        Map<String, String> two = Templates.render(ForumTopologies.topology("""
                edge: { certificate-arn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab' }
                database: { multi-az: true, pool-size: 4 }
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], database: { instance: db.m7g.large, storage: 100 } }
                  - { name: accounts, modules: [users, threads], database: {} }
                """));
        assertTrue(two.containsKey("database-posts.json") && two.containsKey("database-accounts.json"), two.keySet().toString());
        List<String> twoProblems = CfnSpec.validator().validate(Templates.cloudFormation(two));
        assertEquals(List.of(), twoProblems, () -> String.join("\n", twoProblems));
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void aTopologyWithoutTheSettingRendersNoOtherInstanceAndNoMovedCredentials(Path file) {
        Topology topology = ForumTopologies.topology(file);
        if (topology.extracted().stream().anyMatch(ServiceSpec::ownDatabase)) {
            return; // deploy/topologies/posts-own-database.yml has the setting: aServiceWithoutTheSetting... covers it
        }
        assertOnlyTheSharedInstance(Templates.render(topology), Set.of());
    }

    @Test
    void aServiceWithoutTheSettingBesideOneWithItGetsNothingOfIt() {
        Map<String, String> files = Templates.render(postsOwn());
        assertOnlyTheSharedInstance(files, Set.of("database-posts.json", "service-posts.json", "taskdefs/posts.json", "deploy.sh"));
        for (String name : List.of("service-content.json", "service-monolith.json", "taskdefs/content.json", "taskdefs/monolith.json")) {
            assertFalse(files.get(name).contains("forum-posts-db"), name + " refers to posts' own database");
        }
    }

    /** One RDS instance (the base stack's); nothing but {@code allowed} mentions an own database or moved credentials. */
    private static void assertOnlyTheSharedInstance(Map<String, String> files, Set<String> allowed) {
        int instances = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().endsWith(".json") && !file.getKey().startsWith("taskdefs/")) {
                instances += Templates.ofType(Templates.json(file.getValue()), "AWS::RDS::DBInstance").size();
            }
            if (!allowed.contains(file.getKey())) {
                assertFalse(file.getValue().contains("MOVED_"), file.getKey() + " has moved credentials");
                assertFalse(file.getKey().startsWith("database-"), file.getKey() + " is an own database's stack");
            }
        }
        assertEquals(allowed.isEmpty() ? 1 : 2, instances, "RDS instances rendered");
        assertEquals(!allowed.isEmpty(), files.get("base.json").contains("\"RepositoryName\":\"forum/data-move\""),
                "the data move's image repository exists exactly when a service has a database of its own");
    }

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
    void theServicesTaskHoldsTheOwnDatabasesUrlAndCredentialsFromSecretsManagerFromBeforeTheMove() {
        Map<String, String> files = Templates.render(postsOwn());
        JsonNode service = template(files, "service-posts.json");
        JsonNode container = resource(service, "TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
        assertEquals(importOf("forum-posts-db-DatabaseUrl"), Templates.environment(container).get("FORUM_DATASOURCE_POSTS_MOVED_URL"));
        Map<String, JsonNode> secrets = new HashMap<>();
        container.path("Secrets").forEach(s -> secrets.put(s.path("Name").asText(), s.path("ValueFrom")));
        JsonNode runtime = importOf("forum-base-DatabaseSecretPosts");
        assertEquals(Templates.json("{\"Fn::Join\":[\"\",[" + runtime + ",\":username::\"]]}"),
                secrets.get("FORUM_DATASOURCE_POSTS_MOVED_USERNAME"));
        assertEquals(Templates.json("{\"Fn::Join\":[\"\",[" + runtime + ",\":password::\"]]}"),
                secrets.get("FORUM_DATASOURCE_POSTS_MOVED_PASSWORD"));
        // Least privilege: the execution role reads the module's own two secrets, no admin secret of either instance.
        JsonNode statements = resource(service, "ExecutionRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement");
        List<JsonNode> secretArns = new ArrayList<>();
        statements.forEach(s -> {
            if (s.path("Action").asText().equals("secretsmanager:GetSecretValue")) {
                s.path("Resource").forEach(secretArns::add);
            }
        });
        assertEquals(List.of(runtime, importOf("forum-base-OwnerSecretPosts")), secretArns);
        assertFalse(resource(service, "TaskRole").path("Properties").has("Policies"), "the application calls no AWS API");

        JsonNode atRest = Templates.json(files.get("taskdefs/posts.json")).path("containerDefinitions").path(0);
        List<String> names = new ArrayList<>();
        atRest.path("secrets").forEach(s -> names.add(s.path("name").asText()));
        assertTrue(names.containsAll(List.of("FORUM_DATASOURCE_POSTS_MOVED_USERNAME", "FORUM_DATASOURCE_POSTS_MOVED_PASSWORD")), names.toString());
        assertTrue(atRest.toString().contains("{\"name\":\"FORUM_DATASOURCE_POSTS_MOVED_URL\",\"value\":\"${OWN_DATABASE_URL}\"}"),
                atRest.toString());
    }

    @Test
    void theMonolithCanWidenWithoutTheModulesOfAServiceWithItsOwnDatabaseAndThenNeverGetsTheirCredentials() {
        JsonNode monolith = template(Templates.render(postsOwn()), "service-monolith.json");
        List<String> sets = new ArrayList<>();
        monolith.path("Parameters").path("LocalModules").path("AllowedValues").forEach(v -> sets.add(v.asText()));
        // Every module (posts' service below 100 %: nothing moved yet), every module but posts (its data may have moved;
        // content takes 50 % of threads, so the narrow set is the same).
        assertEquals(List.of("posts,threads,users", "threads,users"), sets);
        JsonNode narrowed = Templates.resolve(monolith, Map.of("LocalModules", "threads,users"));
        assertFalse(narrowed.toString().contains("SecretPosts"), "no posts credentials without posts: " + narrowed);
        assertFalse(monolith.toString().contains("forum-posts-db"), "the monolith never reaches posts' own database");
        JsonNode widened = Templates.resolve(monolith, Map.of("LocalModules", "posts,threads,users"));
        assertTrue(widened.toString().contains("DatabaseSecretPosts"), "holding posts on the shared database, it has its secrets");

        // Two own databases: each may have moved independently of the other.
        JsonNode two = template(Templates.render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], database: {} }
                  - { name: accounts, modules: [users], database: {} }
                """)), "service-monolith.json");
        List<String> twoSets = new ArrayList<>();
        two.path("Parameters").path("LocalModules").path("AllowedValues").forEach(v -> twoSets.add(v.asText()));
        assertEquals(List.of("posts,threads,users", "threads,users", "posts,threads", "threads"), twoSets);
    }

    @Test
    void theMoveTasksRunDataMoveBothWaysWithBothAdminSecretsAndTheOwnersOnly() {
        JsonNode own = template(Templates.render(postsOwn()), "database-posts.json");
        JsonNode noImage = Templates.resolve(own, Map.of());
        assertTrue(Templates.ofType(noImage, "AWS::ECS::TaskDefinition").isEmpty(), "no move task without an image");
        JsonNode resolved = Templates.resolve(own, Map.of("MoveImage", "repo@sha256:" + "0".repeat(64)));
        assertEquals(Set.of("MoveTaskPosts", "MoveBackTaskPosts", "DropSourceTaskPosts"),
                Templates.idsOfType(resolved, "AWS::ECS::TaskDefinition").keySet());

        JsonNode sharedAdmin = importOf("forum-base-DatabaseAdminSecret");
        JsonNode ownAdmin = getAtt("Database", "MasterUserSecret.SecretArn");
        JsonNode owner = importOf("forum-base-OwnerSecretPosts");
        JsonNode sharedAt = Templates.json("{\"Fn::Join\":[\"\",[\"shared@\"," + importOf("forum-base-DatabaseHost") + ",\":\","
                + importOf("forum-base-DatabasePort") + ",\"/forum\"]]}");
        JsonNode ownAt = Templates.json("{\"Fn::Join\":[\"\",[\"own@\"," + getAtt("Database", "Endpoint.Address") + ",\":\","
                + getAtt("Database", "Endpoint.Port") + ",\"/forum\"]]}");
        assertMove(resource(resolved, "MoveTaskPosts"), "move", sharedAt, sharedAdmin, ownAt, ownAdmin, owner);
        assertMove(resource(resolved, "MoveBackTaskPosts"), "move", ownAt, ownAdmin, sharedAt, sharedAdmin, owner);
        // The operator's drop of the shared copy after the move: the move's arguments, run by hand (no output lists it).
        assertMove(resource(resolved, "DropSourceTaskPosts"), "drop-source", sharedAt, sharedAdmin, ownAt, ownAdmin, owner);
        assertEquals("forum-posts-move-drop-source-posts",
                resource(resolved, "DropSourceTaskPosts").path("Properties").path("Family").asText());
        assertFalse(resolved.path("Outputs").toString().contains("DropSourceTask"), "deploy.sh never runs the drop");

        JsonNode statements = resource(resolved, "MoveExecutionRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement");
        List<JsonNode> secretArns = new ArrayList<>();
        statements.forEach(s -> {
            if (s.path("Action").asText().equals("secretsmanager:GetSecretValue")) {
                s.path("Resource").forEach(secretArns::add);
            }
        });
        assertEquals(List.of(sharedAdmin, ownAdmin, owner), secretArns, "exactly the three secrets the move reads");
        assertEquals(2, resolved.path("Outputs").path("MoveTasks").path("Value").path("Fn::Join").size());
        assertEquals("HasMoveImage", own.path("Outputs").path("MoveTasks").path("Condition").asText());
    }

    private static void assertMove(JsonNode task, String verb, JsonNode source, JsonNode sourceSecret, JsonNode target,
            JsonNode targetSecret, JsonNode owner) {
        JsonNode container = task.path("Properties").path("ContainerDefinitions").path(0);
        assertEquals(Templates.json("{\"Ref\":\"MoveImage\"}"), container.path("Image"));
        assertEquals(Templates.json("[\"" + verb + "\",\"--module\",\"posts\",\"--source\"," + source + ",\"--source-user\",\"forum_admin\","
                + "\"--target\"," + target + ",\"--target-user\",\"forum_admin\",\"--owner\",\"forum_posts_owner\","
                + "\"--runtime-role\",\"forum_posts\",\"--migrations\",\"classpath:db/migration/posts\","
                + "\"--ssl-root-cert\",\"/app/rds/global-bundle.pem\"]"), container.path("Command"));
        Map<String, JsonNode> secrets = new HashMap<>();
        container.path("Secrets").forEach(s -> secrets.put(s.path("Name").asText(), s.path("ValueFrom").path("Fn::Join").path(1).path(0)));
        assertEquals(Map.of("FORUM_MOVE_SOURCE_PASSWORD", sourceSecret, "FORUM_MOVE_TARGET_PASSWORD", targetSecret,
                "FORUM_MOVE_OWNER_PASSWORD", owner), secrets);
        assertTrue(container.path("Environment").isMissingNode(), "no password in the environment: " + container);
        assertTrue(container.path("ReadonlyRootFilesystem").asBoolean() && "65532:65532".equals(container.path("User").asText()));
        assertFalse(task.path("Properties").has("TaskRoleArn"), "the move calls no AWS API");
    }

    @Test
    void theBootstrapMakesTheSameRolesOnTheOwnInstanceWithItsOwnAdminSecret() {
        JsonNode bootstrap = template(Templates.render(postsOwn()), "db-bootstrap.json");
        JsonNode shared = resource(bootstrap, "TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
        JsonNode own = resource(bootstrap, "TaskDefinitionPosts").path("Properties").path("ContainerDefinitions").path(0);
        Map<String, JsonNode> sharedEnv = Templates.environment(shared);
        Map<String, JsonNode> ownEnv = Templates.environment(own);
        assertEquals(importOf("forum-posts-db-DatabaseHost"), ownEnv.get("PGHOST"));
        assertEquals(importOf("forum-posts-db-DatabasePort"), ownEnv.get("PGPORT"));
        for (String module : List.of("POSTS", "THREADS", "USERS")) {
            assertEquals(sharedEnv.get(module + "_ROLE"), ownEnv.get(module + "_ROLE"), "the same role names");
            assertEquals(sharedEnv.get(module + "_OWNER"), ownEnv.get(module + "_OWNER"));
        }
        assertEquals(sharedEnv.get("POSTS_CONNECTION_LIMIT"), ownEnv.get("POSTS_CONNECTION_LIMIT"));
        assertEquals("1", ownEnv.get("USERS_CONNECTION_LIMIT").asText(), "a module the service does not hold");
        assertEquals("1", ownEnv.get("THREADS_OWNER_CONNECTION_LIMIT").asText());
        assertEquals(Templates.secretNames(shared), Templates.secretNames(own));
        JsonNode ownAdmin = importOf("forum-posts-db-DatabaseAdminSecret");
        assertTrue(own.path("Secrets").toString().contains(ownAdmin.toString()));
        assertFalse(own.path("Secrets").toString().contains(importOf("forum-base-DatabaseAdminSecret").toString()),
                "the own instance's bootstrap never gets the shared admin's password");
        assertEquals("ExecutionRolePosts", resource(bootstrap, "TaskDefinitionPosts").path("Properties").path("ExecutionRoleArn")
                .path("Fn::GetAtt").path(0).asText(), "an execution role of its own");
        assertFalse(resource(bootstrap, "ExecutionRolePosts").toString().contains(importOf("forum-base-DatabaseAdminSecret").toString()));
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

    @Test
    void aServiceCannotTakeANameTheOwnDatabaseOrTheMoveUses() {
        ExtractionException stack = assertThrows(ExtractionException.class, () -> Templates.render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], database: {} }
                  - { name: posts-db, modules: [threads] }
                """)));
        assertTrue(stack.getMessage().startsWith("topology.yml:4: posts-db: the name 'posts-db' is taken by the stack of the own database of posts"),
                stack.getMessage());
        ExtractionException move = assertThrows(ExtractionException.class, () -> Templates.render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: data-move, modules: [threads] }
                """)));
        assertTrue(move.getMessage().contains("the name 'data-move' is taken by the data move's image repository"), move.getMessage());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
