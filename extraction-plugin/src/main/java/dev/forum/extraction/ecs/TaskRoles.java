package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.sub;

import java.util.Map;

/** Pieces every task definition shares: who may assume its roles, where its logs go, and how its container runs. */
final class TaskRoles {

    /** The images' user (the JRE base's and the bootstrap image's {@code nonroot}). */
    static final String USER = "65532:65532";
    /** The task volume mounted at /tmp: Fargate has no tmpfs, and the root filesystem is read-only. */
    static final String TMP_VOLUME = "tmp";

    private TaskRoles() {
    }

    /** Only ECS tasks of this account may assume the role (the confused-deputy guard AWS recommends). */
    static Map<String, Object> assumedByEcsTasks() {
        return obj("Version", "2012-10-17", "Statement", list(obj(
                "Effect", "Allow",
                "Principal", obj("Service", "ecs-tasks.amazonaws.com"),
                "Action", "sts:AssumeRole",
                "Condition", obj(
                        "StringEquals", obj("aws:SourceAccount", sub("${AWS::AccountId}")),
                        "ArnLike", obj("aws:SourceArn", sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*"))))));
    }

    /** Decrypting with the secrets' KMS key, and only when Secrets Manager asks on the role's behalf. */
    static Map<String, Object> decryptThroughSecretsManager(Object keyArn) {
        return obj("Effect", "Allow", "Action", "kms:Decrypt", "Resource", keyArn,
                "Condition", obj("StringEquals", obj("kms:ViaService", sub("secretsmanager.${AWS::Region}.amazonaws.com"))));
    }

    static Map<String, Object> awsLogs(Object logGroup, String streamPrefix) {
        return obj("LogDriver", "awslogs", "Options", obj(
                "awslogs-group", logGroup,
                "awslogs-region", sub("${AWS::Region}"),
                "awslogs-stream-prefix", streamPrefix));
    }

    /**
     * A container definition made least-privileged: an explicit non-root user, a read-only root filesystem, no
     * privilege, every Linux capability dropped, an init process (reaps children, forwards SIGTERM), and, with
     * {@code tmp}, the task volume {@value #TMP_VOLUME} at /tmp (Tomcat's and the JVM's scratch files).
     */
    static Map<String, Object> hardened(Map<String, Object> container, boolean tmp) {
        container.put("User", USER);
        container.put("ReadonlyRootFilesystem", true);
        container.put("Privileged", false);
        container.put("LinuxParameters", obj("Capabilities", obj("Drop", list("ALL")), "InitProcessEnabled", true));
        if (tmp) {
            container.put("MountPoints", list(obj("SourceVolume", TMP_VOLUME, "ContainerPath", "/tmp", "ReadOnly", false)));
        }
        return container;
    }
}
