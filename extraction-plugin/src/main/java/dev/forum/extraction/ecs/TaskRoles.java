package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.sub;

import java.util.Map;

/** Pieces every task definition shares: who may assume its roles, and where its logs go. */
final class TaskRoles {

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

    static Map<String, Object> awsLogs(Object logGroup, String streamPrefix) {
        return obj("LogDriver", "awslogs", "Options", obj(
                "awslogs-group", logGroup,
                "awslogs-region", sub("${AWS::Region}"),
                "awslogs-stream-prefix", streamPrefix));
    }
}
