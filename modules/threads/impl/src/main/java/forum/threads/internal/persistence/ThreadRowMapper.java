package forum.threads.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps one row of {@code threads.threads} (columns {@code id}, {@code title}, {@code created_by}, read by name) to a
 * {@link ThreadRow}, for the repository's reads ({@code @Query(rowMapperClass = ...)}, Spring Data JDBC's own hook).
 * Why not the reflective mapping Spring Data JDBC does by default: it cost 7-15 % of the CPU of a read
 * (BENCHMARKS.md, issue 17's ninth round). {@code RowMapperIntegrationTest} holds both mappings equal.
 */
public final class ThreadRowMapper implements RowMapper<ThreadRow> {

    /**
     * @return the record of the result set's current row
     * @throws SQLException when the query did not select one of the columns, or the driver fails
     */
    @Override
    public ThreadRow mapRow(ResultSet row, int rowNumber) throws SQLException {
        return new ThreadRow(row.getLong("id"), row.getString("title"), row.getLong("created_by"));
    }
}
