package forum.platform.data;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replication a data move of a module keeps running ({@code data-move/README.md}): its subscriptions and
 * replication slots, named {@code forum_move_<module>_<from>_to_<to>}. Each direction of a move has its subscription
 * on one database and its slot on the other, so one database alone tells whether any replication of the module runs
 * to or from it. Both catalogs are readable by any role ({@code pg_subscription}'s connection string is not read).
 */
final class MoveReplication {

    private MoveReplication() {
    }

    /**
     * The module's subscriptions and slots in the connected database (PostgreSQL only).
     *
     * @param dataSource connections to the database, as any role
     * @param module     the module
     * @return e.g. {@code [subscription forum_move_posts_shared_to_posts_own]}; empty when no move runs
     */
    static List<String> of(DataSource dataSource, String module) {
        JdbcClient sql = JdbcClient.create(dataSource);
        String prefix = "forum_move_" + module + "_";
        List<String> found = new ArrayList<>();
        sql.sql("""
                select subname from pg_subscription
                where subdbid = (select oid from pg_database where datname = current_database())
                  and starts_with(subname::text, ?) order by 1""")
                .param(prefix).query(String.class).list()
                .forEach(name -> found.add("subscription " + name));
        sql.sql("""
                select slot_name from pg_replication_slots
                where database = current_database() and starts_with(slot_name::text, ?) order by 1""")
                .param(prefix).query(String.class).list()
                .forEach(name -> found.add("slot " + name));
        return found;
    }
}
