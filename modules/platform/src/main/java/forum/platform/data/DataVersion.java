package forum.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A module's data version: the one row of {@code <module>.data_version} (each module's migration makes it at 0).
 * Every read-write transaction of the module raises it just before it commits ({@link DataVersionTransactionManager}),
 * so a version names one state of the module's data in its database, whichever process wrote it; data-move copies and
 * replicates it with the module's other tables, so it names the same state on the database the module moves to.
 * A write that changes the module's data outside its transaction manager (by hand, another tool) must raise it too:
 * {@code update <module>.data_version set version = version + 1}.
 */
public final class DataVersion {

    private final JdbcTemplate jdbc;
    private final String select;
    /** Reads arriving together share one query (BENCHMARKS.md, "On PostgreSQL, with read answers kept"). */
    private final GroupedReads<Long> reads = new GroupedReads<>(this::query);

    /**
     * @param dataSource the module's connections (its placement's routing ones where it has two databases)
     * @param module     the module, also its schema
     */
    public DataVersion(DataSource dataSource, String module) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.select = "select version from " + table(module) + " where id = 1";
    }

    /**
     * The version from one query on the module's database, outside any transaction, that began after this call did:
     * calls that arrive while a query runs share the next one ({@link GroupedReads}), so a write committed before the
     * call is always counted, as if each call queried alone.
     *
     * @return the version of the module's data committed when that query ran, 0 before its first write
     * @throws org.springframework.dao.DataAccessException if the database cannot be read or the row is missing
     */
    public long current() {
        return reads.get();
    }

    private Long query() {
        Long version = jdbc.queryForObject(select, Long.class);
        if (version == null) {
            throw new IllegalStateException("the data_version row of " + select + " holds no version");
        }
        return version;
    }

    /**
     * Raises the version on the transaction's own connection.
     *
     * @throws SQLException as the database refuses it (a data move's write guard: SQLSTATE 25006)
     * @throws IllegalStateException if the row is missing (a schema not migrated by the forum)
     */
    static void raise(Connection connection, String module) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.executeUpdate("update " + table(module) + " set version = version + 1 where id = 1") != 1) {
                throw new IllegalStateException(table(module) + " has no row: the module's migrations make it");
            }
        }
    }

    /** The version's table: {@code <module>.data_version}, in the module's schema. */
    private static String table(String module) {
        return module + ".data_version";
    }
}
