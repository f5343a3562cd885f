package dev.forum.datamove.support;

import dev.forum.datamove.Endpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writers to {@code posts.posts} as the module's runtime role, as the module's processes would write during a move:
 * inserts and updates of their own earlier rows, each remembered once its commit is acknowledged. A writer sends
 * each write to the database it believes authoritative and, when the write guard refuses it (SQLSTATE 25006), tries
 * the other; a write held past the runtime role's lock timeout (55P03) or failed by a serialization error (40001) is
 * simply not acknowledged and tried again. Any other error is kept and fails the test. A stand-in for the
 * application side of the switch, which will watch the placement row instead of learning from refusals.
 */
public final class PostWriters implements AutoCloseable {

    /** Last acknowledged text of every row written, by id. */
    public final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    /** Acknowledged writes per database label. */
    public final Map<String, AtomicInteger> acknowledgedBy = new ConcurrentHashMap<>();
    public final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public PostWriters(int count, Endpoint... sides) {
        for (int n = 0; n < count; n++) {
            int writer = n;
            Thread thread = Thread.ofPlatform().name("post-writer-" + n).start(() -> write(writer, sides));
            threads.add(thread);
        }
    }

    private void write(int writer, Endpoint[] sides) {
        List<Connection> connections = new ArrayList<>();
        try {
            for (Endpoint side : sides) {
                connections.add(DriverManager.getConnection(side.jdbcUrl(), ModuleDatabases.runtime("posts"),
                        ModuleDatabases.RUNTIME_PASSWORD));
            }
            int current = 0;
            List<Long> mine = new ArrayList<>();
            int sequence = 0;
            while (!stop.get()) {
                String text = "writer " + writer + " write " + sequence++;
                Connection connection = connections.get(current);
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    if (!mine.isEmpty() && random.nextInt(4) == 0) {
                        long id = mine.get(random.nextInt(mine.size()));
                        try (PreparedStatement update = connection.prepareStatement("update posts.posts set text = ? where id = ?")) {
                            update.setString(1, text);
                            update.setLong(2, id);
                            update.executeUpdate();
                        }
                        acknowledged.put(id, text);
                    } else {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "insert into posts.posts (thread_id, text, user_id) values (?, ?, ?) returning id")) {
                            insert.setLong(1, 1 + random.nextInt(5));
                            insert.setString(2, text);
                            insert.setLong(3, 1 + random.nextInt(5));
                            try (ResultSet result = insert.executeQuery()) {
                                result.next();
                                long id = result.getLong(1);
                                if (acknowledged.putIfAbsent(id, text) != null) {
                                    throw new IllegalStateException("id " + id + " handed out twice (sequence not advanced)");
                                }
                                mine.add(id);
                            }
                        }
                    }
                    acknowledgedBy.computeIfAbsent(sides[current].label(), label -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(2);
                } catch (SQLException e) {
                    switch (String.valueOf(e.getSQLState())) {
                        case "25006" -> {
                            refused.incrementAndGet();
                            current = (current + 1) % sides.length;
                            Thread.sleep(5);
                        }
                        case "55P03", "40001", "57014" -> Thread.sleep(5);
                        default -> throw e;
                    }
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing
                }
            }
        }
    }

    /** Stops the writers and fails if any met an error other than a refusal or a held write. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        if (failure.get() != null) {
            throw new AssertionError("a writer failed: " + failure.get(), failure.get());
        }
    }

    public int total() {
        return acknowledgedBy.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
