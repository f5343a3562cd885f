package dev.forum.topology;

/**
 * The database of a deployment, as the topology file's {@code database:} section says.
 *
 * @param multiAz  a standby in the second availability zone (RDS Multi-AZ): about twice the instance's price
 * @param poolSize connections each task opens per module it holds (the module's pool); with the services'
 *                 largest task counts it gives each module role's connection limit
 * @param line     the line of the file's {@code database:} section (where its value starts), from 1; 0 when the file has
 *                 none (the defaults)
 */
public record DatabaseSpec(boolean multiAz, int poolSize, int line) {

    public static final int MAX_POOL_SIZE = 50;

    /** One instance, 5 connections per module per task: a file without {@code database:}. */
    public static final DatabaseSpec DEFAULT = new DatabaseSpec(false, 5, 0);
}
