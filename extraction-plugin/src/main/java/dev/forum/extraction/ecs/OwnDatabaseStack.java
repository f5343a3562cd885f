package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.equalTo;
import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.importValue;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.not;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.OwnDatabase;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.Map;

/**
 * The stack of a service's own database ({@code database:} in its topology entry, issue 16), {@code <app>-<service>-db},
 * deployed after the base stack and before the bootstrap: a private, encrypted RDS PostgreSQL instance in a DB subnet
 * group of its own over the private subnets, with the base stack's parameter group (TLS forced, logical replication
 * on), 7 days of automated backups (point-in-time recovery), deletion protection and a final snapshot, its master
 * password kept by RDS in Secrets Manager under the base stack's key; the alarms of a move on it and on the shared
 * instance ({@link MoveAlarms}); and the data move's one-off tasks ({@link MoveTasks}).
 *
 * <p>Who reaches it, on 5432 only: the service's tasks (the rule is the service stack's), the move task, the bootstrap
 * task, and the shared instance, whose way-back subscription reads it after the switch. It reaches only the shared
 * instance (its own subscription reads it during the move). This stack also opens the other side of those paths on
 * the base stack's groups. The stack outlives the service's {@code database:} setting: removing the setting moves the
 * data back (deploy.sh) and leaves the instance, with the old copy, until an operator deletes the stack.
 */
final class OwnDatabaseStack {

    private OwnDatabaseStack() {
    }

    static Map<String, Object> render(Topology topology, ServiceSpec service, EcsSettings settings) {
        OwnDatabase database = service.database();
        if (database == null) {
            throw new IllegalArgumentException(service.name() + " has no database of its own");
        }
        String app = topology.name();
        EcsNames names = new EcsNames(app);
        Map<String, String> tag = Map.of("extract:app", app, "extract:service", service.name());
        Stack stack = new Stack();
        stack.parameter("MoveImage", obj("Type", "String", "Default", "", "AllowedPattern", "([^@ ]+@sha256:[0-9a-f]{64})?",
                "Description", "The data-move image, by digest (deploy.sh --move-image); empty: no move task yet"));
        stack.parameter("AlarmTopic", obj("Type", "String", "Default", "",
                "AllowedPattern", "(arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256})?",
                "Description", "An SNS topic the move's alarms notify (deploy.sh --alarm-topic); empty: none"));
        stack.condition("HasMoveImage", not(equalTo(ref("MoveImage"), "")));
        stack.condition("HasAlarmTopic", not(equalTo(ref("AlarmTopic"), "")));

        Object self = getAtt("DatabaseSecurityGroup", "GroupId");
        Object shared = importValue(names.export("DatabaseSecurityGroup"));
        Object move = getAtt("MoveSecurityGroup", "GroupId");
        stack.add("DatabaseSecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " " + service.name() + " database: PostgreSQL from " + service.name()
                        + "'s tasks, the move and bootstrap tasks and the shared database only",
                "VpcId", importValue(names.export("VpcId")),
                "SecurityGroupEgress", list(postgres("DestinationSecurityGroupId", shared,
                        "The way there: its subscription reads the shared database")),
                "Tags", tags(app + "-" + service.name() + "-db", tag))));
        stack.add("MoveSecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " " + service.name() + " data move task: the two databases and the AWS endpoints only,"
                        + " no ingress",
                "VpcId", importValue(names.export("VpcId")),
                "SecurityGroupEgress", list(
                        postgres("DestinationSecurityGroupId", self, "The service's own database"),
                        postgres("DestinationSecurityGroupId", shared, "The shared database"),
                        obj("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                                "DestinationSecurityGroupId", importValue(names.export("EndpointSecurityGroup")),
                                "Description", "ECR, CloudWatch Logs, Secrets Manager endpoints"),
                        obj("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                                "DestinationPrefixListId", importValue(names.export("S3PrefixList")),
                                "Description", "S3 (ECR's image layers), through the gateway endpoint")),
                "Tags", tags(app + "-" + service.name() + "-move", tag))));
        rule(stack, "DatabaseFromMove", "AWS::EC2::SecurityGroupIngress", self, "SourceSecurityGroupId", move,
                "PostgreSQL from the data move task");
        rule(stack, "DatabaseFromSharedDatabase", "AWS::EC2::SecurityGroupIngress", self, "SourceSecurityGroupId", shared,
                "The way back: the shared database's subscription reads this one after the switch");
        rule(stack, "SharedDatabaseFromDatabase", "AWS::EC2::SecurityGroupIngress", shared, "SourceSecurityGroupId", self,
                "The way there: " + service.name() + "'s database subscribes to this one");
        rule(stack, "SharedDatabaseToDatabase", "AWS::EC2::SecurityGroupEgress", shared, "DestinationSecurityGroupId", self,
                "The way back: this database subscribes to " + service.name() + "'s after the switch");
        rule(stack, "SharedDatabaseFromMove", "AWS::EC2::SecurityGroupIngress", shared, "SourceSecurityGroupId", move,
                "PostgreSQL from the " + service.name() + " data move task");
        stack.add("EndpointsFromMove", resource("AWS::EC2::SecurityGroupIngress", obj(
                "GroupId", importValue(names.export("EndpointSecurityGroup")), "IpProtocol", "tcp", "FromPort", 443,
                "ToPort", 443, "SourceSecurityGroupId", move, "Description", "HTTPS from the " + service.name() + " data move task")));
        if (settings.databaseBootstrapImage() != null) {
            Object bootstrap = importValue(names.export("DatabaseBootstrapSecurityGroup"));
            rule(stack, "DatabaseFromBootstrap", "AWS::EC2::SecurityGroupIngress", self, "SourceSecurityGroupId", bootstrap,
                    "PostgreSQL from the bootstrap task");
            rule(stack, "BootstrapToDatabase", "AWS::EC2::SecurityGroupEgress", bootstrap, "DestinationSecurityGroupId", self,
                    "PostgreSQL of " + service.name() + "'s own database");
        }

        stack.add("DatabaseSubnets", resource("AWS::RDS::DBSubnetGroup", obj(
                "DBSubnetGroupDescription", app + " " + service.name() + " database in the private subnets",
                "SubnetIds", list(importValue(names.export("PrivateSubnetA")), importValue(names.export("PrivateSubnetB"))),
                "Tags", tags(app + "-" + service.name(), tag))));
        Map<String, Object> instance = stack.add("Database", resource("AWS::RDS::DBInstance", obj(
                "Engine", "postgres", "EngineVersion", Database.ENGINE_VERSION, "AutoMinorVersionUpgrade", true,
                "DBInstanceClass", database.instanceClass(), "MultiAZ", topology.database().multiAz(),
                "AllocatedStorage", String.valueOf(database.storageGiB()), "StorageType", "gp3", "StorageEncrypted", true,
                "DBName", names.databaseName(), "MasterUsername", Database.adminUser(names),
                "ManageMasterUserPassword", true, "MasterUserSecret", obj("KmsKeyId", importValue(names.export("SecretsKey"))),
                "CACertificateIdentifier", Database.CA,
                // The shared instance's group: TLS forced, connections logged, logical replication (both directions).
                "DBParameterGroupName", importValue(names.export("DatabaseParameters")),
                "DBSubnetGroupName", ref("DatabaseSubnets"),
                "VPCSecurityGroups", list(self),
                "PubliclyAccessible", false, "BackupRetentionPeriod", Database.BACKUP_DAYS, "CopyTagsToSnapshot", true,
                "DeletionProtection", true,
                "EnableCloudwatchLogsExports", list("postgresql", "upgrade"),
                "Tags", tags(app + "-" + service.name(), tag))));
        instance.put("DeletionPolicy", "Snapshot");
        instance.put("UpdateReplacePolicy", "Snapshot");

        MoveAlarms.add(stack, "Own", ref("Database"), service.name() + "'s own database", database.storageGiB());
        MoveAlarms.add(stack, "Shared", importValue(names.export("DatabaseInstance")), "the shared database (moves of "
                + service.name() + ")", Database.STORAGE_GIB);
        MoveTasks.add(stack, topology, service, settings, names, tag);

        String prefix = names.ownDatabaseStack(service.name());
        stack.output("DatabaseUrl", output("JDBC URL of " + service.name() + "'s own database (TLS, server name verified)",
                join("", "jdbc:postgresql://", getAtt("Database", "Endpoint.Address"), ":", getAtt("Database", "Endpoint.Port"),
                        "/" + names.databaseName() + "?sslmode=verify-full&sslrootcert=" + settings.rdsCaBundle()),
                prefix + "-DatabaseUrl"));
        stack.output("DatabaseHost", output("Its host name", getAtt("Database", "Endpoint.Address"), prefix + "-DatabaseHost"));
        stack.output("DatabasePort", output("Its port", getAtt("Database", "Endpoint.Port"), prefix + "-DatabasePort"));
        stack.output("DatabaseSecurityGroup", output("Its security group", self, prefix + "-DatabaseSecurityGroup"));
        stack.output("DatabaseAdminSecret", output("The RDS-managed secret of its admin user",
                getAtt("Database", "MasterUserSecret.SecretArn"), prefix + "-DatabaseAdminSecret"));
        stack.output("DatabaseInstance", output("Its instance identifier", ref("Database"), null));
        stack.output("MoveSecurityGroup", output("The data move task's security group", move, null));
        stack.output("Modules", output("The modules whose data this database holds after a move (comma-separated)",
                String.join(",", service.modules()), null));
        return stack.template("The own database of the " + service.name() + " service of " + app + " (modules "
                + String.join(", ", service.modules()) + "), its move alarms and tasks. Generated by extraction-maven-plugin "
                + "(goal ecs). Kept when the setting goes: delete it by hand once the data is back in the shared database.");
    }

    private static Map<String, Object> postgres(String peerKey, Object peer, String description) {
        return obj("IpProtocol", "tcp", "FromPort", 5432, "ToPort", 5432, peerKey, peer, "Description", description);
    }

    private static void rule(Stack stack, String id, String type, Object group, String peerKey, Object peer, String description) {
        Map<String, Object> properties = obj("GroupId", group);
        properties.putAll(postgres(peerKey, peer, description));
        stack.add(id, resource(type, properties));
    }
}
