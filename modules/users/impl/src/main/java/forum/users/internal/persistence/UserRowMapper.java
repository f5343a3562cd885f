package forum.users.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps one row of {@code users.users} (columns {@code id}, {@code username}, {@code username_key}, {@code name},
 * {@code bio}, read by name) to a {@link UserRow}, for the repository's reads ({@code @Query(rowMapperClass = ...)},
 * Spring Data JDBC's own hook).
 * Why not the reflective mapping Spring Data JDBC does by default: it cost 7-15 % of the CPU of a read
 * (BENCHMARKS.md, issue 17's ninth round). {@code RowMapperIntegrationTest} holds both mappings equal.
 */
public final class UserRowMapper implements RowMapper<UserRow> {

    /**
     * @return the record of the result set's current row
     * @throws SQLException when the query did not select one of the columns, or the driver fails
     */
    @Override
    public UserRow mapRow(ResultSet row, int rowNumber) throws SQLException {
        return new UserRow(row.getLong("id"), row.getString("username"), row.getString("username_key"), row.getString("name"),
                row.getString("bio"));
    }
}
