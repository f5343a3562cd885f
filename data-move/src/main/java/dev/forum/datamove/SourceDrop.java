package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The operator's explicit last step of a move: drops what the module left on the database it moved from (the
 * {@code source} of the move, read-only for the module since the switch), and the replication that kept that copy
 * current. Until then a rollback is a switch back over that replication; afterwards it is a full move back (the
 * module's migrations make its tables again and the data is copied).
 *
 * <p>Refused, with nothing changed, unless the move has switched and completed: both placement rows name the target at
 * the same epoch (1 or more), and the target has every data table the source still has; and, before it reads anything,
 * while another run of a move, abort or drop-source of the module holds its lock on either side
 * ({@link ConcurrentMoves}: a drop-source holds it for its whole run, so it never drops the tables a running move back
 * or re-run reads). What is dropped: the subscriptions both ways and the slots of this pair's move on either side, the
 * publications on both sides (one that a move of the module between one of them and a third database still reads is
 * kept), and every table, view, sequence, function and type in the module's schema on the source, in one transaction.
 * The schema itself stays (it belongs to the module's owner role, made by {@code module-roles.sql}), as does the
 * source's placement row, which keeps telling the module's processes where its data went. Safe to run again: a second
 * run finds nothing left and says so.
 */
public final class SourceDrop {

    /**
     * What was dropped.
     *
     * @param droppedFrom   label of the database the module's objects were dropped from (the move's source)
     * @param authoritative label of the database that holds the module (the move's target)
     * @param epoch         the placement epoch both rows carry
     * @param rows          each data table dropped and the rows it had, by name; empty when nothing was left
     * @param objects       every object dropped, as {@code kind schema.name} (tables include the migration history)
     */
    public record Report(String droppedFrom, String authoritative, long epoch, Map<String, Long> rows, List<String> objects) {
    }

    private final Endpoint source;
    private final Endpoint target;
    private final MovePair pair;
    private final MoveSettings settings;
    private final Consumer<String> log;

    /**
     * @param source the database the module moved from, whose copy is dropped
     * @param target the database the module moved to, which holds it
     * @param log    receives one line per thing done
     * @throws MoveException when source and target carry the same label
     */
    public SourceDrop(Endpoint source, Endpoint target, MoveSettings settings, Consumer<String> log) {
        this.pair = new MovePair(source, target, settings.module());
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.log = log;
    }

    /**
     * @return what was dropped
     * @throws MoveException (one line, nothing changed) when no move of the module has run between the two (naming the
     *                       modules whose move from the source to the target completed, and the closest to a mistyped
     *                       name: {@link ModuleNames#noMoveToDrop}), the move has not switched or
     *                       not completed, or the target lacks a table the source has; before it reads or writes
     *                       anything, when another run of a move, abort or drop-source of the module (any pair) holds
     *                       the module's lock on either side ({@link ConcurrentMoves#refusal}: wait until it has
     *                       ended); or when a server fails part way (run it again)
     */
    public Report run() {
        String module = settings.module();
        try (MovePair.Opened both = pair.open(false,
                (s, t) -> ConcurrentMoves.lockModule(s, source, t, target, settings, ConcurrentMoves.Command.DROP_SOURCE))) {
            Connection s = both.s();
            Connection t = both.t();
            Placement.Row onSource = both.onSource();
            Placement.Row onTarget = both.onTarget();
            if (onSource == null && onTarget == null) {
                throw ModuleNames.noMoveToDrop(s, source, t, target, module);
            }
            Placement.Row authority = both.authority();
            if (!authority.authoritative().equals(target.label())) {
                throw new MoveException(module + " is not switched: " + source.label() + " is authoritative (epoch "
                        + authority.epoch() + "); drop-source drops the copy left on the database a move switched away from,"
                        + " so move " + module + " to " + target.label() + " first");
            }
            if (authority.epoch() == 0) {
                throw new MoveException(module + " never left " + target.label() + " (epoch 0): " + source.label()
                        + " has no copy of a move to drop");
            }
            if (!sameRow(onSource, authority) || !sameRow(onTarget, authority)) {
                throw new MoveException("the switch of " + module + " to " + target.label() + " is not complete (both placement"
                        + " rows must name it at epoch " + authority.epoch() + "): run the move again to complete it, then drop-source");
            }
            List<String> tables = TargetSchema.dataTables(s, module);
            List<String> missing = new ArrayList<>(tables);
            missing.removeAll(TargetSchema.dataTables(t, module));
            if (!missing.isEmpty()) {
                throw new MoveException(target.describe() + " has no table " + missing + " of " + module + " that "
                        + source.label() + " has: nothing was dropped; check the move (data-move status) before dropping");
            }

            List<String> kept = MovePair.dropReplication(s, source, t, target, settings, log);
            log.accept("replication of " + module + " between " + source.label() + " and " + target.label()
                    + " ended: " + (kept.isEmpty() ? "no subscription, slot or publication" : "no subscription or slot") + " of it left"
                    + (kept.isEmpty() ? "" : " (publication kept on " + String.join(" and ", kept) + " for another move)")
                    + "; a rollback is now a full move back");

            Map<String, Long> rows = new LinkedHashMap<>();
            List<String> objects = dropSchemaObjects(s, module, tables, rows);
            if (objects.isEmpty()) {
                log.accept("nothing of " + module + " is left on " + source.label() + ": dropped before");
            } else {
                log.accept("dropped " + module + " on " + source.label() + ": " + String.join(", ", objects) + " (rows "
                        + rows + "); " + target.label() + " holds it at epoch " + authority.epoch());
            }
            return new Report(source.label(), target.label(), authority.epoch(), rows, objects);
        } catch (SQLException e) {
            throw new MoveException("dropping " + module + " on " + source.label() + " failed: " + Endpoint.oneLine(e)
                    + " (run it again: what was dropped stays dropped, the rest is dropped then)", e);
        }
    }

    private static boolean sameRow(Placement.Row row, Placement.Row authority) {
        return row != null && row.authoritative().equals(authority.authoritative()) && row.epoch() == authority.epoch();
    }

    /**
     * In one transaction: counts the data tables' rows, then drops the schema's tables, views, sequences, functions
     * and types (each with {@code cascade}, in that order, skipping what an earlier drop took with it).
     */
    private static List<String> dropSchemaObjects(Connection connection, String module, List<String> tables,
            Map<String, Long> rows) throws SQLException {
        List<String> dropped = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local search_path = pg_catalog"); // every name below comes out schema-qualified
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + Placement.ident(module) + "."
                        + Placement.ident(table))) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
            String[][] kinds = {
                    {"table", "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = ? and c.relkind in ('r', 'p', 'f') and not c.relispartition order by 1"},
                    {"view", "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = ? and c.relkind = 'v' order by 1"},
                    {"materialized view", "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = ? and c.relkind = 'm' order by 1"},
                    {"sequence", "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = ? and c.relkind = 'S' order by 1"},
                    {"routine", "select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                            + " where n.nspname = ? order by 1"},
                    {"type", "select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace"
                            + " where n.nspname = ? and t.typtype in ('c', 'd', 'e', 'r', 'm')"
                            + " and (t.typrelid = 0 or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')"
                            + " order by 1"}};
            for (String[] kind : kinds) {
                // Each kind is listed again after the drops before it: a cascade may have taken some with it.
                for (String name : names(connection, kind[1], module)) {
                    String qualified = kind[0].equals("routine") ? name : Placement.ident(module) + "." + Placement.ident(name);
                    statement.execute("drop " + kind[0] + " if exists " + qualified + " cascade");
                    dropped.add(kind[0] + " " + (kind[0].equals("routine") ? name : module + "." + name));
                }
            }
            connection.commit();
            return dropped;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<String> names(Connection connection, String sql, String module) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, module);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }
}
