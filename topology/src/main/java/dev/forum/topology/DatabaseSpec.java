package dev.forum.topology;

/**
 * The database of a deployment, as the topology file's {@code database:} section says.
 *
 * @param multiAz  a standby in the second availability zone (RDS Multi-AZ): about twice the instance's price
 * @param poolSize connections each task opens per module it holds (the module's pool); with the services'
 *                 largest task counts it gives each module role's connection limit
 */
public record DatabaseSpec(boolean multiAz, int poolSize) {

    public static final int MAX_POOL_SIZE = 50;

    /** One instance, 5 connections per module per task. */
    public static final DatabaseSpec DEFAULT = new DatabaseSpec(false, 5);
}
