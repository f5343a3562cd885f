package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.getAtt;
import static dev.forum.extraction.ecs.Cfn.join;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noEgress;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.output;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;
import static dev.forum.extraction.ecs.Cfn.tags;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import java.util.Map;

/**
 * The base stack's database, for an application that reads one ({@link EcsSettings#database}), by JDBC or R2DBC or
 * both (its JDBC URL always an output, its R2DBC URL where the application reads one): the PostgreSQL
 * database (private, encrypted, TLS forced, deletion protection, its logs in CloudWatch, optional Multi-AZ) whose admin
 * password RDS keeps in Secrets Manager, and, where something reads them ({@link EcsSettings#moduleSecrets}), two
 * secrets per module (its owner role, which runs its migrations, and its runtime role, which reads and writes rows),
 * all encrypted with the key of {@link Secrets}. Secrets are not rotated automatically: tasks read them only when they
 * start, so a rotation would break running pools (the README says how an operator rotates with a rolling deploy).
 */
final class Database {

    static final String ENGINE_VERSION = "16";
    static final String PARAMETER_FAMILY = "postgres16";
    /** The certificate authority of the instance's server certificate; the image's bundle holds it. */
    static final String CA = "rds-ca-rsa2048-g1";
    /**
     * The base stack's output of the database's R2DBC URL, only for an application that reads it
     * ({@link DatabaseClients#r2dbc}): {@code r2dbc:postgresql://<host>:<port>/<db>?sslMode=verify-full&sslRootCert=<bundle>}.
     */
    static final String R2DBC_URL = "DatabaseR2dbcUrl";
    /** The shared instance's allocated storage (gp3). */
    static final int STORAGE_GIB = 20;
    /** Days of automated backups of every instance: point-in-time recovery within them. */
    static final int BACKUP_DAYS = 7;
    /** The RDS parameter that sets {@code wal_level=logical} (static: a change takes a reboot). */
    static final String LOGICAL_REPLICATION = "rds.logical_replication";
    /** The master user of every instance (shared and own): the data move's administrator on both sides. */
    static String adminUser(EcsNames names) {
        return names.databaseName() + "_admin";
    }

    private Database() {
    }

    static void add(Stack stack, Topology topology, EcsSettings settings, Map<String, String> tag, EcsNames names) {
        String app = topology.name();
        stack.parameter("DatabaseInstanceClass", obj("Type", "String", "Default", "db.t4g.micro",
                "Description", "The RDS instance class of the PostgreSQL database"));
        stack.parameter("DatabaseMultiAZ", obj("Type", "String", "Default", String.valueOf(topology.database().multiAz()),
                "AllowedValues", list("true", "false"),
                "Description", "A standby in the second availability zone (the topology's database.multi-az)"));

        // Ingress from each service's tasks is added by the service's stack; the bootstrap task's here.
        stack.add("DatabaseSecurityGroup", resource("AWS::EC2::SecurityGroup", obj(
                "GroupDescription", app + " database: PostgreSQL from the tasks only",
                "VpcId", ref("Vpc"),
                "SecurityGroupEgress", list(noEgress()),
                "Tags", tags(app + "-db", tag))));
        stack.add("DatabaseSubnets", resource("AWS::RDS::DBSubnetGroup", obj(
                "DBSubnetGroupDescription", app + " database in the private subnets",
                "SubnetIds", list(ref("PrivateSubnetA"), ref("PrivateSubnetB")), "Tags", tags(app, tag))));
        // Logical replication is on from the first deployment: a data move (data-move, a service's own database)
        // publishes from this instance and subscribes back to it, and rds.logical_replication is a static parameter:
        // turning it on later reboots the instance under every module. It costs WAL volume (logical detail), not a
        // process: nothing replicates until a move creates a publication and a slot. Own instances use this group too.
        stack.add("DatabaseParameters", resource("AWS::RDS::DBParameterGroup", obj(
                "Description", app + " PostgreSQL: TLS only, connections logged, logical replication for data moves",
                "Family", PARAMETER_FAMILY,
                "Parameters", obj("rds.force_ssl", "1", "log_connections", "1", "log_disconnections", "1",
                        LOGICAL_REPLICATION, "1"),
                "Tags", tags(app, tag))));
        Map<String, Object> database = stack.add("Database", resource("AWS::RDS::DBInstance", obj(
                "Engine", "postgres", "EngineVersion", ENGINE_VERSION, "AutoMinorVersionUpgrade", true,
                "DBInstanceClass", ref("DatabaseInstanceClass"), "MultiAZ", ref("DatabaseMultiAZ"),
                "AllocatedStorage", String.valueOf(STORAGE_GIB), "StorageType", "gp3", "StorageEncrypted", true,
                "DBName", names.databaseName(), "MasterUsername", adminUser(names),
                "ManageMasterUserPassword", true, "MasterUserSecret", obj("KmsKeyId", ref("SecretsKey")),
                "CACertificateIdentifier", CA,
                "DBParameterGroupName", ref("DatabaseParameters"),
                "DBSubnetGroupName", ref("DatabaseSubnets"),
                "VPCSecurityGroups", list(getAtt("DatabaseSecurityGroup", "GroupId")),
                "PubliclyAccessible", false, "BackupRetentionPeriod", BACKUP_DAYS, "CopyTagsToSnapshot", true,
                "DeletionProtection", true,
                "EnableCloudwatchLogsExports", list("postgresql", "upgrade"),
                "Tags", tags(app, tag))));
        database.put("DeletionPolicy", "Snapshot");
        database.put("UpdateReplacePolicy", "Snapshot");

        // TLS with the server's name checked against the RDS certificate authorities' bundle in the image.
        stack.output("DatabaseUrl", output("JDBC URL of the application's database (TLS, server name verified)",
                join("", "jdbc:postgresql://", getAtt("Database", "Endpoint.Address"), ":", getAtt("Database", "Endpoint.Port"),
                        "/" + names.databaseName() + "?sslmode=verify-full&sslrootcert=" + settings.rdsCaBundle()),
                names.export("DatabaseUrl")));
        if (settings.databaseClients().r2dbc()) {
            // The same, as r2dbc-postgresql (org.postgresql:r2dbc-postgresql) reads it: its URL options are camel case.
            stack.output(R2DBC_URL, output("R2DBC URL of the application's database (TLS, server name verified)",
                    join("", "r2dbc:postgresql://", getAtt("Database", "Endpoint.Address"), ":",
                            getAtt("Database", "Endpoint.Port"), "/" + names.databaseName()
                                    + "?sslMode=verify-full&sslRootCert=" + settings.rdsCaBundle()),
                    names.export(R2DBC_URL)));
        }
        stack.output("DatabaseSecurityGroup", output("The database's security group", getAtt("DatabaseSecurityGroup", "GroupId"),
                names.export("DatabaseSecurityGroup")));
        stack.output("DatabaseHost", output("The database's host name", getAtt("Database", "Endpoint.Address"), names.export("DatabaseHost")));
        stack.output("DatabasePort", output("The database's port", getAtt("Database", "Endpoint.Port"), names.export("DatabasePort")));
        stack.output("DatabaseAdminSecret", output("The RDS-managed secret of the admin user",
                getAtt("Database", "MasterUserSecret.SecretArn"), names.export("DatabaseAdminSecret")));
        stack.output("DatabaseInstance", output("The database's instance identifier (CloudWatch's DBInstanceIdentifier)",
                ref("Database"), names.export("DatabaseInstance")));
        stack.output("DatabaseParameters", output("The database's parameter group (logical replication on): own instances use it too",
                ref("DatabaseParameters"), names.export("DatabaseParameters")));

        if (!settings.moduleSecrets()) {
            return; // one datasource and no bootstrap: nothing reads a module's role, so it has no secret
        }
        for (ModuleRoute module : topology.modules()) {
            String m = module.module();
            secret(stack, "DatabaseSecret" + EcsNames.id(m), names.databaseSecret(m), names.databaseRole(m),
                    "Runtime role of the " + m + " module: reads and writes the rows of schema " + m, tag, names);
            secret(stack, "OwnerSecret" + EcsNames.id(m), names.ownerSecret(m), names.ownerRole(m),
                    "Owner role of the " + m + " module: owns schema " + m + " and runs its migrations", tag, names);
        }
    }

    private static void secret(Stack stack, String id, String name, String role, String description, Map<String, String> tag,
            EcsNames names) {
        stack.add(id, resource("AWS::SecretsManager::Secret", obj(
                "Name", name, "Description", description, "KmsKeyId", ref("SecretsKey"),
                "GenerateSecretString", obj("SecretStringTemplate", "{\"username\":\"" + role + "\"}",
                        "GenerateStringKey", "password", "PasswordLength", 32, "ExcludePunctuation", true),
                "Tags", tags(name, tag))));
        stack.output(id, output(description, ref(id), names.export(id)));
    }
}
