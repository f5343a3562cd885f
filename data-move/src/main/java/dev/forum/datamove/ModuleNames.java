package dev.forum.datamove;

import dev.forum.closestname.ClosestName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The refusals of a {@code --module} that {@code status}, {@code abort} or {@code drop-source} has nothing to act on,
 * each one line naming the modules the command would act on between the two databases and the one a mistyped name
 * most likely meant ({@link ClosestName}, the rule of every "did you mean" of the forum); and {@code move}'s refusal of
 * a schema without tables ({@link #noSuchSchema}). What a command takes as a module, read from both databases and
 * changing nothing:
 *
 * <ul>
 *   <li>{@code status}: a placement row, a schema of that name (not {@code pg_*}, {@code information_schema},
 *       {@code public} or {@code forum_move}), a publication {@code forum_move_<module>}, or a subscription or
 *       replication slot {@code forum_move_<module>_*}, on either side; so a module bootstrapped but never moved is
 *       answered, not refused. Offered: every module of the first three kinds.</li>
 *   <li>{@code abort}: a placement row, the publication, or a subscription or slot of the module's moves, on either
 *       side: something a move started (an orphaned slot included, which abort drops). Offered: the modules of the
 *       first two kinds that abort would act on, those the placement rows leave to the source.</li>
 *   <li>{@code drop-source}: a placement row on either side (a module with none is refused here). Offered: the modules
 *       drop-source would drop, whose move from the source to the target completed: both rows name the target at one
 *       epoch of 1 or more, and the target has every data table the source has.</li>
 * </ul>
 */
final class ModuleNames {

    private ModuleNames() {
    }

    /**
     * Refuses a module {@code status} would find nothing of on the sides it reached.
     *
     * @param s         a connection to the source, or null when it could not be reached
     * @param t         a connection to the target, or null when it could not be reached
     * @param unreached why a side could not be reached (named at the end of the refusal), or null
     * @throws MoveException (one line) {@code shared and own have no schema, placement row or replication of postz (did
     *                       you mean posts?): check --module (the modules there are posts, threads, users) and --source,
     *                       --target}; with one side reached, {@code shared has no ... --target; own was not read:
     *                       cannot connect to own (...)}
     */
    static void checkStatus(Connection s, Endpoint source, Connection t, Endpoint target, MoveSettings settings,
            MoveException unreached) throws SQLException {
        String module = settings.module();
        Set<String> modules = new TreeSet<>();
        boolean replicates = false;
        for (Connection side : Arrays.asList(s, t)) {
            if (side != null) {
                modules.addAll(Placement.rows(side).keySet());
                modules.addAll(schemas(side));
                modules.addAll(published(side));
                replicates |= replicates(side, settings);
            }
        }
        if (modules.contains(module) || replicates) {
            return;
        }
        String sides = s == null ? target.label() + " has" : t == null ? source.label() + " has"
                : source.label() + " and " + target.label() + " have";
        throw new MoveException(sides + " no schema, placement row or replication"
                + " of " + module + ClosestName.hint(module, modules) + ": check --module (" + (modules.isEmpty()
                        ? (s == null || t == null ? "it has" : "neither has") + " no module's schema or move"
                        : "the modules there are " + String.join(", ", modules))
                + ") and --source, --target" + (unreached == null ? "" : "; "
                        + (s == null ? source.label() : target.label()) + " was not read: " + unreached.getMessage()));
    }

    /**
     * Refuses a module no move has left anything of on either side, so that {@code abort} of a mistyped name does not
     * say "aborted" while the move meant goes on. With {@code t} null (a target that could not be reached: an abort on
     * the source alone), on the source only.
     *
     * @throws MoveException (one line) {@code no move of postz has started on shared or own (did you mean posts?),
     *                       nothing to abort: check --module (moves abort can end there: posts) and --source, --target}
     */
    static void checkAbort(Connection s, Endpoint source, Connection t, Endpoint target, MoveSettings settings)
            throws SQLException {
        String module = settings.module();
        SortedMap<String, Placement.Row> onSource = Placement.rows(s);
        SortedMap<String, Placement.Row> onTarget = t == null ? new TreeMap<>() : Placement.rows(t);
        Set<String> started = new TreeSet<>(onSource.keySet());
        started.addAll(onTarget.keySet());
        started.addAll(published(s));
        if (t != null) {
            started.addAll(published(t));
        }
        if (started.contains(module) || replicates(s, settings) || (t != null && replicates(t, settings))) {
            return;
        }
        List<String> abortable = filter(started, name -> source.label().equals(authority(onSource.get(name), source,
                onTarget.get(name), target, name).authoritative()));
        throw new MoveException("no move of " + module + " has started on " + source.label()
                + (t == null ? "" : " or " + target.label())
                + ClosestName.hint(module, abortable) + ", nothing to abort: check --module (" + (abortable.isEmpty()
                        ? "no move abort can end is there" : "moves abort can end there: " + String.join(", ", abortable))
                + ") and --source, --target");
    }

    /**
     * The refusal of {@code move} of a module the source has no table of, naming the schemas migrated there and the one
     * the name most likely meant when one is close.
     *
     * @return {@code shared (h:5432/forum) has no table in schema postz (did you mean posts?): check --module (the
     *         module's name is its schema's; the schemas migrated there are posts, users) and --source}
     */
    static MoveException noSuchSchema(Connection s, Endpoint source, String module) throws SQLException {
        List<String> migrated = TargetSchema.migratedSchemas(s);
        return new MoveException(source.describe() + " has no table in schema " + module + ClosestName.hint(module, migrated)
                + ": check --module (the module's name is its schema's; " + (migrated.isEmpty()
                        ? "no schema there has a migration history" : "the schemas migrated there are " + String.join(", ", migrated))
                + ") and --source");
    }

    /**
     * The refusal of {@code drop-source} for a module neither side has a placement row of.
     *
     * @return {@code no move of postz has run between shared and own (did you mean posts?), nothing to drop: check
     *         --module (moves from shared to own have completed for posts) and --source, --target}
     */
    static MoveException noMoveToDrop(Connection s, Endpoint source, Connection t, Endpoint target, String module)
            throws SQLException {
        SortedMap<String, Placement.Row> onSource = Placement.rows(s);
        SortedMap<String, Placement.Row> onTarget = Placement.rows(t);
        List<String> droppable = new ArrayList<>();
        for (String name : filter(onSource.keySet(), name -> completed(onSource.get(name), source, onTarget.get(name), target))) {
            if (targetHasEveryTable(s, t, name)) {
                droppable.add(name);
            }
        }
        return new MoveException("no move of " + module + " has run between " + source.label() + " and " + target.label()
                + ClosestName.hint(module, droppable) + ", nothing to drop: check --module (" + (droppable.isEmpty()
                        ? "no move from " + source.label() + " to " + target.label() + " has completed"
                        : "moves from " + source.label() + " to " + target.label() + " have completed for "
                                + String.join(", ", droppable))
                + ") and --source, --target");
    }

    /** Both rows name the target at one epoch of 1 or more: what drop-source requires of the placement. */
    private static boolean completed(Placement.Row onSource, Endpoint source, Placement.Row onTarget, Endpoint target) {
        return onSource != null && onSource.epoch() > 0
                && onSource.equals(new Placement.Row(source.label(), target.label(), onSource.epoch()))
                && new Placement.Row(target.label(), target.label(), onSource.epoch()).equals(onTarget);
    }

    /** The target has every data table of the module the source has (a source dropped before has none). */
    private static boolean targetHasEveryTable(Connection s, Connection t, String module) throws SQLException {
        try {
            return TargetSchema.dataTables(t, module).containsAll(TargetSchema.dataTables(s, module));
        } catch (MoveException refused) {
            return false; // a table without a primary key: drop-source refuses it too
        }
    }

    /**
     * {@link Placement#authority}, or a row naming neither database when the rows contradict each other or name
     * another database (the commands refuse those).
     */
    private static Placement.Row authority(Placement.Row onSource, Endpoint source, Placement.Row onTarget,
            Endpoint target, String module) {
        try {
            return Placement.authority(onSource, source, onTarget, target, module);
        } catch (MoveException refused) {
            return new Placement.Row("", "", -1);
        }
    }

    private static List<String> filter(Set<String> names, Predicate<String> keep) {
        return names.stream().filter(keep).sorted().toList();
    }

    /** The schemas that may be a module's: all but PostgreSQL's own, {@code public} and the move's control schema. */
    private static List<String> schemas(Connection connection) throws SQLException {
        return strings(connection, """
                select nspname from pg_namespace
                where nspname not like 'pg!_%' escape '!' and nspname not in ('information_schema', 'public', 'forum_move')""",
                List.of());
    }

    /**
     * The modules of this database's publications {@code forum_move_<module>} (a module name has no {@code _}, so
     * {@code forum_move_posts_x} is no module's).
     */
    private static List<String> published(Connection connection) throws SQLException {
        return strings(connection, "select substr(pubname, 12) from pg_publication where pubname ~ '^forum_move_[a-z][a-z0-9]*$'",
                List.of());
    }

    /**
     * Whether this database has a subscription, or its server a replication slot of this database, of the module's
     * moves ({@link ConcurrentMoves#of}: a move's of any pair, or one orphaned; no other module's, as a module name has
     * no {@code _}).
     */
    private static boolean replicates(Connection connection, MoveSettings settings) throws SQLException {
        return !ConcurrentMoves.of(connection, settings).isEmpty();
    }

    private static List<String> strings(Connection connection, String sql, List<String> parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setString(i + 1, parameters.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
        }
        return values;
    }
}
