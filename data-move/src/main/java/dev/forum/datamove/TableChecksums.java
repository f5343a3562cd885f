package dev.forum.datamove;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Row count and an order-independent checksum of each of the module's tables: the sum over all rows of
 * {@code hashtextextended(row::text, 0)} (64-bit hashes summed as a numeric, so no overflow and no order). Row texts
 * are the same on both sides because both schemas come from the same migrations and {@link Endpoint#connect} fixes
 * the session settings that shape them (time zone, date style, float digits).
 */
public final class TableChecksums {

    /** One table on one side. */
    public record TableSum(String table, long rows, BigDecimal checksum) {
    }

    /** The two sides of one table. */
    public record Comparison(String table, TableSum source, TableSum target) {
        public boolean equal() {
            return source.rows() == target.rows() && source.checksum().compareTo(target.checksum()) == 0;
        }

        /** One line: {@code posts: 1042 rows, checksum 123... on both sides} or the two differing figures. */
        public String describe() {
            return equal()
                    ? table + ": " + source.rows() + " rows, checksum " + source.checksum() + " on both sides"
                    : table + ": DIFFERENT: source " + source.rows() + " rows, checksum " + source.checksum()
                            + "; target " + target.rows() + " rows, checksum " + target.checksum();
        }
    }

    private TableChecksums() {
    }

    /** Counts and checksums each table, in the connection's current transaction (or a statement each). */
    public static List<TableSum> of(Connection connection, String module, List<String> tables) throws SQLException {
        List<TableSum> sums = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("select count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)"
                        + " from " + Placement.ident(module) + "." + Placement.ident(table) + " t")) {
                    result.next();
                    sums.add(new TableSum(table, result.getLong(1), result.getBigDecimal(2)));
                }
            }
        }
        return sums;
    }

    static List<Comparison> compare(List<TableSum> source, List<TableSum> target) {
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            comparisons.add(new Comparison(source.get(i).table(), source.get(i), target.get(i)));
        }
        return comparisons;
    }
}
