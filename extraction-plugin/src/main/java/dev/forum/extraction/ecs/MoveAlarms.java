package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Cfn.ifThen;
import static dev.forum.extraction.ecs.Cfn.list;
import static dev.forum.extraction.ecs.Cfn.noValue;
import static dev.forum.extraction.ecs.Cfn.obj;
import static dev.forum.extraction.ecs.Cfn.ref;
import static dev.forum.extraction.ecs.Cfn.resource;

/**
 * CloudWatch alarms on one RDS PostgreSQL instance for a data move (issue 16), in the own database's stack: one
 * for each instance of the move, the service's own and the shared one. A replication slot keeps every WAL segment
 * its subscriber has not confirmed, so a subscriber that stopped (a failed move, an orphaned slot) fills the disk of
 * the instance it reads from; these alarms say so long before {@code FreeStorageSpace} runs out:
 *
 * <ul>
 *   <li>{@code OldestReplicationSlotLag}: the WAL the most lagging slot has not had confirmed, above
 *       {@value #SLOT_LAG_BYTES} bytes for {@value #PERIODS} minutes (the move's catch-up is behind, or its subscriber
 *       stopped);</li>
 *   <li>{@code ReplicationSlotDiskUsage}: disk used by replication slot files, above a tenth of the storage;</li>
 *   <li>{@code TransactionLogsDiskUsage}: disk used by WAL, above a quarter of the storage;</li>
 *   <li>{@code FreeStorageSpace}: below a fifth of the storage.</li>
 * </ul>
 *
 * The metrics are RDS's (namespace {@code AWS/RDS}, dimension {@code DBInstanceIdentifier}, one value a minute, in
 * bytes as AWS's "Amazon CloudWatch metrics for Amazon RDS" lists them). With no replication slot RDS publishes no
 * slot metric: missing data is not a breach, except for free storage. Alarms notify the optional SNS topic
 * ({@code AlarmTopic} parameter, condition {@code HasAlarmTopic}); without one they are visible in the console only.
 */
final class MoveAlarms {

    static final long GIB = 1024L * 1024 * 1024;
    static final long SLOT_LAG_BYTES = GIB;
    /** Minutes a threshold must be crossed before the alarm fires (one value a minute). */
    static final int PERIODS = 5;

    private MoveAlarms() {
    }

    /**
     * Adds the four alarms of one instance, with logical ids {@code <prefix>ReplicationSlotLagAlarm}, ...
     *
     * @param prefix     logical id prefix ({@code Own}, {@code Shared})
     * @param instance   the instance identifier (a {@code Ref} to the DBInstance or its imported identifier)
     * @param what       the instance in words, for the descriptions
     * @param storageGiB its allocated storage, in GiB (the thresholds are fractions of it)
     */
    static void add(Stack stack, String prefix, Object instance, String what, int storageGiB) {
        long storage = storageGiB * GIB;
        alarm(stack, prefix + "ReplicationSlotLagAlarm", instance, "OldestReplicationSlotLag", "GreaterThanThreshold",
                SLOT_LAG_BYTES, "notBreaching", what + ": a replication slot's subscriber is more than 1 GiB of WAL behind "
                        + "(a move catching up slowly, or a stopped subscription: data-move status shows the slot)");
        alarm(stack, prefix + "ReplicationSlotDiskUsageAlarm", instance, "ReplicationSlotDiskUsage", "GreaterThanThreshold",
                storage / 10, "notBreaching", what + ": replication slots hold more than a tenth of the storage "
                        + "(run the move again or abort it: it drops orphaned slots)");
        alarm(stack, prefix + "TransactionLogsDiskUsageAlarm", instance, "TransactionLogsDiskUsage", "GreaterThanThreshold",
                storage / 4, "notBreaching", what + ": WAL takes more than a quarter of the storage (a slot keeps it?)");
        alarm(stack, prefix + "FreeStorageSpaceAlarm", instance, "FreeStorageSpace", "LessThanThreshold",
                storage / 5, "missing", what + ": less than a fifth of the storage is free");
    }

    private static void alarm(Stack stack, String id, Object instance, String metric, String comparison, long threshold,
            String missingData, String description) {
        Object actions = ifThen("HasAlarmTopic", list(ref("AlarmTopic")), noValue());
        stack.add(id, resource("AWS::CloudWatch::Alarm", obj(
                "AlarmDescription", description,
                "Namespace", "AWS/RDS", "MetricName", metric,
                "Dimensions", list(obj("Name", "DBInstanceIdentifier", "Value", instance)),
                "Statistic", statistic(comparison), "Period", 60,
                "EvaluationPeriods", PERIODS, "DatapointsToAlarm", PERIODS,
                "Threshold", threshold, "ComparisonOperator", comparison,
                "TreatMissingData", missingData,
                "AlarmActions", actions, "OKActions", actions)));
    }

    /** The worst value of the minute: the highest for a usage, the lowest for free space. */
    private static String statistic(String comparison) {
        return comparison.startsWith("Less") ? "Minimum" : "Maximum";
    }
}
