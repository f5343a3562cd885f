/**
 * Renders a topology into Amazon ECS deployment files: CloudFormation templates (a base stack and one stack per
 * service), task definitions for {@code aws ecs register-task-definition}, and {@code deploy.sh}, which deploys
 * them in the order that keeps every route served. Pure Java over the topology model: no AWS call, no network.
 */
package dev.forum.extraction.ecs;
