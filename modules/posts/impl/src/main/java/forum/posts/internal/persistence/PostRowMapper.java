package forum.posts.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps one row of {@code posts.posts} (columns {@code id}, {@code thread_id}, {@code text}, {@code user_id}, read by
 * name) to a {@link PostRow}, for the repository's reads ({@code @Query(rowMapperClass = ...)}, Spring Data JDBC's own
 * hook). Why not the reflective mapping Spring Data JDBC does by default: it cost 7-15 % of the CPU of a read
 * (BENCHMARKS.md, issue 17's ninth round). {@code RowMapperIntegrationTest} holds both mappings equal.
 */
public final class PostRowMapper implements RowMapper<PostRow> {

    /**
     * @return the record of the result set's current row
     * @throws SQLException when the query did not select one of the columns, or the driver fails
     */
    @Override
    public PostRow mapRow(ResultSet row, int rowNumber) throws SQLException {
        return new PostRow(row.getLong("id"), row.getLong("thread_id"), row.getString("text"), row.getLong("user_id"));
    }
}
