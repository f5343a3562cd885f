package forum.platform.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replication a data move of a module keeps running ({@code data-move/README.md}): its subscriptions and
 * replication slots, named {@code forum_move_<module>_<from>_to_<to>}. Each direction of a move has its subscription
 * on one database and its slot on the other, so one database alone tells whether any replication of the module runs
 * to or from it. Both catalogs are readable by any role ({@code pg_subscription}'s connection string is not read).
 *
 * <p>The names are matched by their prefix {@code forum_move_<module>_}, which is exact because data-move takes only
 * module names of 1-21 lower-case letters or digits starting with a letter, no {@code _} ({@code MoveSettings}): a
 * module {@code order} then never matches a module {@code order_items}'s names, for there are none. A module whose
 * name data-move refuses (an application module {@code order_items}, or one with an upper-case letter) cannot have a
 * data-move replication at all, so it gets none, and the database is not read: its prefix
 * {@code forum_move_order_items_} would match the names of module {@code order}'s move from a database labelled
 * {@code items_...}.
 */
final class MoveReplication {

    /** The module names data-move takes (its {@code MoveSettings}): the only modules a move can replicate. */
    private static final Pattern MOVABLE = Pattern.compile("[a-z][a-z0-9]{0,20}");

    private MoveReplication() {
    }

    /**
     * The module's subscriptions and slots in the connected database (PostgreSQL only).
     *
     * @param dataSource connections to the database, as any role
     * @param module     the module
     * @return e.g. {@code [subscription forum_move_posts_shared_to_posts_own]}; empty when no move runs, and for a
     *         module whose name data-move refuses (see above: no database is read then)
     */
    static List<String> of(DataSource dataSource, String module) {
        if (!MOVABLE.matcher(module).matches()) {
            return List.of();
        }
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
