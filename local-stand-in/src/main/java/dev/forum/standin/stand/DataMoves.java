package dev.forum.standin.stand;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.ModuleMove;
import dev.forum.datamove.MoveSettings;
import dev.forum.datamove.MoveStatus;
import dev.forum.datamove.SourceDrop;
import dev.forum.datamove.TableChecksums;
import dev.forum.standin.db.LocalPostgres;
import dev.forum.topology.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data moves of a migration on the stand-in: every module of each service with a database of its own
 * ({@code database:} in the topology) moved from the shared database to the service's own ({@link #there}) once only
 * that service's processes hold it, and back ({@link #back}) before the monolith holds it again, with the data-move
 * library ({@link ModuleMove}, {@code data-move/README.md}) under whatever load the forum has. The processes follow
 * by themselves (they were given both databases from their start); nothing is restarted.
 */
public final class DataMoves {

    /** The shared database's label in the placement rows. */
    public static final String SHARED = "shared";

    /**
     * One module's move and its report.
     *
     * @param from   label of the database it left
     * @param to     label of the database that now takes its writes
     * @param report the library's report: pauses, sequences, each table's count and checksum on both sides
     */
    public record Moved(String service, String module, String from, String to, ModuleMove.Report report) {
        /** The report in one line: the pauses and every table's figures. */
        public String describe() {
            return String.format(Locale.ROOT, "%s moved %s -> %s: writes held %d ms at the switch, %d ms for the "
                    + "verification; sequences %s; %s", module, from, to, report.switchPause().toMillis(),
                    report.verifyPause().toMillis(), report.sequences(), report.tables().stream()
                            .map(TableChecksums.Comparison::describe).collect(Collectors.joining("; ")));
        }
    }

    private DataMoves() {
    }

    /**
     * Moves each own-database service's modules from the shared database to its own; resumes a move that was stopped
     * part way (the library's steps are repeatable).
     *
     * @param listener told of each step of each move (a test stops a move there); {@code step -> {}} for none
     * @return one report per module; empty when no service has a database of its own
     * @throws dev.forum.datamove.MoveException one line, when a move fails; run it again to resume
     */
    public static List<Moved> there(Stand stand, ModuleMove.StepListener listener) {
        List<Moved> moved = new ArrayList<>();
        for (ServiceSpec service : owning(stand)) {
            for (String module : service.modules()) {
                Endpoint shared = shared(stand);
                Endpoint own = own(stand, service);
                stand.log().step("data move: " + module + " from " + shared.label() + " (:" + shared.port() + ") to "
                        + own.label() + " (:" + own.port() + "), only " + service.name() + "'s processes hold it");
                ModuleMove.Report report = move(stand, module, shared, own, listener).run();
                Moved result = new Moved(service.name(), module, shared.label(), own.label(), report);
                stand.log().info(result.describe());
                moved.add(result);
            }
        }
        return moved;
    }

    /**
     * Moves each own-database service's modules back to the shared database: the plain move back (source the service's
     * own database, target the shared one), then the drop of the own copy and of the replication to it
     * ({@link SourceDrop}), as deploy.sh's rollback step runs it on ECS ({@code move --then-drop-source}). Where the shared database still
     * holds a module (a move stopped before its switch, or none ran), the move back moves nothing and drops what the
     * move left (subscriptions, slots, publications: {@code ModuleMove}'s "nothing to move").
     *
     * @return one report per module whose data was moved back (none for a module that never left)
     * @throws dev.forum.datamove.MoveException one line, when a move fails; run it again to resume
     */
    public static List<Moved> back(Stand stand, ModuleMove.StepListener listener) {
        List<Moved> moved = new ArrayList<>();
        for (ServiceSpec service : owning(stand)) {
            for (String module : service.modules()) {
                Endpoint shared = shared(stand);
                Endpoint own = own(stand, service);
                stand.log().step("data move back: " + module + " from " + own.label() + " (:" + own.port() + ") to "
                        + shared.label() + " (:" + shared.port() + "), before the monolith holds it again");
                ModuleMove.Report report = move(stand, module, own, shared, listener).run();
                if (!report.moved()) {
                    stand.log().info(module + " is on " + shared.label() + " already: nothing moved, what a move left dropped");
                    continue;
                }
                Moved result = new Moved(service.name(), module, own.label(), shared.label(), report);
                stand.log().info(result.describe());
                moved.add(result);
                // As deploy.sh's move back (--then-drop-source): the own copy and the way forward's slot go.
                SourceDrop.Report dropped = new SourceDrop(own, shared, settings(stand, module),
                        line -> stand.log().info("  drop: " + line)).run();
                stand.log().info(module + ": copy on " + dropped.droppedFrom() + " dropped (" + dropped.objects().size()
                        + " objects), no replication left");
            }
        }
        return moved;
    }

    /** Which database takes each own-database module's writes now, module to label (e.g. {@code posts=posts_own}). */
    public static Map<String, String> authoritative(Stand stand) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (ServiceSpec service : owning(stand)) {
            for (String module : service.modules()) {
                labels.put(module, MoveStatus.authoritative(shared(stand), own(stand, service), settings(stand, module)));
            }
        }
        return labels;
    }

    /** The label of a service's own database: its name's first 8 letters or digits and {@code _own}. */
    public static String label(String service) {
        String name = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        name = name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "s" + name : name;
        return name.substring(0, Math.min(8, name.length())) + "_own";
    }

    private static List<ServiceSpec> owning(Stand stand) {
        return stand.layout().extracted().stream().filter(ServiceSpec::ownDatabase).toList();
    }

    private static Endpoint shared(Stand stand) {
        return stand.database().moveEndpoint(SHARED);
    }

    private static Endpoint own(Stand stand, ServiceSpec service) {
        return stand.ownDatabases().get(service.name()).moveEndpoint(label(service.name()));
    }

    private static ModuleMove move(Stand stand, String module, Endpoint from, Endpoint to,
            ModuleMove.StepListener listener) {
        return new ModuleMove(from, to, settings(stand, module), line -> stand.log().info("  move: " + line), listener);
    }

    private static MoveSettings settings(Stand stand, String module) {
        LocalPostgres.Role role = stand.database().role(module);
        String migrations = "filesystem:" + stand.root().resolve("modules/" + module + "/impl/src/main/resources/db/migration/"
                + module);
        return MoveSettings.of(module, role.owner(), role.ownerPassword(), role.name(), migrations);
    }
}
