import dev.forum.datamove.ModuleMove;
import dev.forum.datamove.MoveSettings;
import dev.forum.datamove.Step;
import dev.forum.datamove.server.InitdbServer;
import dev.forum.datamove.support.ModuleDatabases;
import java.util.EnumMap;
import java.util.Map;

/**
 * How fast data-move copies a module's table: N posts in the posts module on one throwaway PostgreSQL 15 server,
 * moved to another ({@link ModuleMove}, as the move task runs it), then moved back (a switch over the way back, no
 * copy). Prints the table's size, the time from the subscription to the initial copy done and caught up (the copy),
 * its rate in rows and MiB per second, the whole move, the switch's pause and the move back. Run by bench/data-move.sh.
 *
 * <p>Arguments: {@code ROWS} (default 1000000). Needs root or the postgres user (initdb), as data-move's tests.
 */
public class DataMoveCopyRate {

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Map<String, String> logical = Map.of("wal_level", "logical", "max_wal_senders", "10", "max_replication_slots", "10",
                "max_wal_size", "4GB", "wal_sender_timeout", "60s");
        try (InitdbServer shared = InitdbServer.temporary(logical); InitdbServer own = InitdbServer.temporary(logical);
                ModuleDatabases pair = new ModuleDatabases(shared, "shared", own, "own", "posts")) {
            long seedStart = System.nanoTime();
            // Texts of 20 to 200 characters (the tutorial's posts are short), 50 threads, 200 users.
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 50,"
                    + " repeat('post ' || g || ' ', 1 + g % 20), 1 + g % 200 from generate_series(1, " + rows + ") g");
            pair.psql(pair.source, "vacuum analyze posts.posts");
            String bytes = pair.psql(pair.source, "select pg_total_relation_size('posts.posts')");
            String heap = pair.psql(pair.source, "select pg_relation_size('posts.posts')");
            System.out.printf("seeded %,d posts in %.1f s: table %.1f MiB (heap %.1f MiB)%n", rows,
                    seconds(System.nanoTime() - seedStart), Long.parseLong(bytes) / 1048576.0, Long.parseLong(heap) / 1048576.0);

            Map<Step, Long> reached = new EnumMap<>(Step.class);
            long moveStart = System.nanoTime();
            MoveSettings test = pair.settings(); // the production bounds: catch-up 30 min, writes held 2 s at most
            MoveSettings settings = MoveSettings.of(test.module(), test.ownerRole(), test.ownerPassword(), test.runtimeRole(),
                    test.migrations());
            ModuleMove.Report report = new ModuleMove(pair.source, pair.target, settings, line -> { },
                    step -> reached.put(step, System.nanoTime())).run();
            long moveEnd = System.nanoTime();
            double copy = seconds(reached.get(Step.CAUGHT_UP) - reached.get(Step.SUBSCRIBED));
            System.out.printf("copy (subscribed -> copied and caught up): %.1f s, %,.0f rows/s, %.1f MiB/s of heap%n", copy,
                    rows / copy, Long.parseLong(heap) / 1048576.0 / copy);
            System.out.printf("target prepared (Flyway on the target) %.1f s; whole move %.1f s, of which the switch held"
                    + " writes %d ms and the verification (count and checksum of %,d rows on both sides) %d ms%n",
                    seconds(reached.get(Step.TARGET_PREPARED) - moveStart), seconds(moveEnd - moveStart),
                    report.switchPause().toMillis(), rows, report.verifyPause().toMillis());
            if (!report.tables().getFirst().equal()) {
                throw new IllegalStateException("the copy differs: " + report.tables());
            }

            long backStart = System.nanoTime();
            ModuleMove.Report back = new ModuleMove(pair.target, pair.source, settings, line -> { }, step -> { }).run();
            System.out.printf("move back (a switch over the way back, no copy): %.1f s, writes held %d ms%n",
                    seconds(System.nanoTime() - backStart), back.switchPause().toMillis());
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
