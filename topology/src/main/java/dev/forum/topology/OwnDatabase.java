package dev.forum.topology;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of a service's own (the topology file's {@code database:} in a service): its modules' data lives in a
 * separate RDS PostgreSQL instance instead of the shared one, moved there live by {@code data-move} when the service
 * takes its modules. Absent, the service's modules stay in the shared database.
 *
 * @param instanceClass the RDS instance class, e.g. {@code db.t4g.micro}: a class RDS offers for PostgreSQL 16 in the
 *                      burstable ({@code t3}, {@code t4g}: micro to 2xlarge), general-purpose ({@code m5}, {@code m6g},
 *                      {@code m6i}, {@code m7g}) or memory-optimised ({@code r5}, {@code r6g}, {@code r6i}, {@code r7g})
 *                      families (large and up)
 * @param storageGiB    allocated gp3 storage in GiB, 20 to 65536 (RDS's bounds for PostgreSQL)
 */
public record OwnDatabase(String instanceClass, int storageGiB) {

    /** The smallest: a burstable Graviton instance with 20 GiB. */
    public static final OwnDatabase DEFAULT = new OwnDatabase("db.t4g.micro", 20);

    private static final Pattern CLASS = Pattern.compile("db\\.(t3|t4g|m5|m6g|m6i|m7g|r5|r6g|r6i|r7g)\\.(micro|small|medium|"
            + "large|xlarge|2xlarge|4xlarge|8xlarge|12xlarge|16xlarge|24xlarge)");

    /** Why this is not a valid own database, or {@code null} if it is. */
    public String problem() {
        Matcher matcher = CLASS.matcher(instanceClass);
        if (!matcher.matches()) {
            return "database.instance '" + instanceClass + "' is not an RDS PostgreSQL instance class (e.g. db.t4g.micro,"
                    + " db.m7g.large, db.r7g.xlarge)";
        }
        boolean burstable = matcher.group(1).startsWith("t");
        String size = matcher.group(2);
        if (burstable && size.matches("[0-9]+xlarge") && !size.equals("2xlarge")) {
            return "database.instance " + instanceClass + ": burstable classes go up to 2xlarge; use an m or r class";
        }
        if (!burstable && size.matches("micro|small|medium")) {
            return "database.instance " + instanceClass + ": " + matcher.group(1) + " classes start at large; use a t4g"
                    + " class for a smaller one";
        }
        if (storageGiB < 20 || storageGiB > 65536) {
            return "database.storage is GiB from 20 to 65536, not " + storageGiB;
        }
        return null;
    }
}
