package forum.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import forum.platform.settings.InvalidSettingException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.stereotype.Component;

/**
 * Opens a module's database: its connection settings are {@code forum.datasource.<module>.url},
 * {@code .username}, {@code .password}, {@code .maximum-pool-size} (1 or more; HikariCP's default 10) and
 * {@code .connection-timeout} (how long a caller waits for a connection before failing, 250ms or more, HikariCP's
 * least; its default 30s), each falling back to {@code spring.datasource.*}. A value not of its type or out of its
 * range stops the start with an {@link InvalidSettingException} naming the setting. So one database with a schema
 * per module needs only a role per module ({@code FORUM_DATASOURCE_POSTS_USERNAME}, ...), and a module can also have a
 * database of its own.
 *
 * <p>With {@code forum.datasource.<module>.owner.username} and {@code .owner.password}
 * ({@code FORUM_DATASOURCE_POSTS_OWNER_USERNAME}, ...; no fallback), the module's migrations and seed run as that
 * owner role over a connection of their own, closed before the pool opens, and the owner then grants the
 * runtime role (the pool's) the rows of its tables and nothing else ({@code deploy/postgres/module-roles.sql}
 * makes both roles). Without them the module's own role migrates, as with a single role per module.
 *
 * <p>With {@code forum.datasource.<module>.moved.url} ({@code FORUM_DATASOURCE_POSTS_MOVED_URL}; {@code .username} and
 * {@code .password} default to the module's own, since the bootstrap makes the same roles on every database) the module
 * also gets a pool on that second database, the one its data moves to (or from) live ({@code data-move/README.md}).
 * Both pools stay open; its {@link ModulePlacement} watches {@code forum_move.placement} on them (every
 * {@code .moved.poll-interval}, default 200 ms) and sends the module's connections to the authoritative one, holds
 * writes during a switch's pause, and {@link MovedWriteRetry} retries a write refused by the other. The migrations and
 * the seed run where the placement rows say the module's data is at start ({@link #open}); none runs while a move's
 * replication of the module runs ({@link ModuleMigrationRefusedException}). The second database need not be up when
 * the process starts, unless it holds the data. Without the setting nothing of this exists and no placement table is
 * needed; on PostgreSQL the process then only checks that no placement row there names another database.
 */
@Component
public class ModuleDatabases {

    /** HikariCP's least connection timeout (it refuses a shorter one). */
    private static final Duration LEAST_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /** How often a module with two databases reads its placement row. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

    private final Binder settings;
    private final SeedPolicy seedPolicy;
    private final JdbcMappingContext mappingContext;
    private final JdbcCustomConversions conversions;
    private final JdbcDialect dialect;
    private final ApplicationEventPublisher events;

    ModuleDatabases(Environment environment, SeedPolicy seedPolicy, JdbcMappingContext mappingContext,
                    JdbcCustomConversions conversions, JdbcDialect dialect, ApplicationEventPublisher events) {
        this.settings = Binder.get(environment);
        this.seedPolicy = seedPolicy;
        this.mappingContext = mappingContext;
        this.conversions = conversions;
        this.dialect = dialect;
        this.events = events;
    }

    /**
     * Connects as the module, migrates its schema and loads the seed where allowed, on the database that holds the
     * module's data: its usual one, or, given a second database ({@code .moved.url}), the one the placement rows name
     * authoritative at start (read on both; the second need not answer while the rows name the first). The
     * migrating owner role on the second database is {@code .moved.owner.username}/{@code .password}, by default the
     * module's owner role.
     *
     * @throws MissingDatabaseException          when no URL is configured
     * @throws ModuleMigrationRefusedException   when a rule of the data move forbids migrating (nothing changed)
     * @throws ModuleDatabaseUnavailableException when the database cannot be reached or prepared
     */
    ModuleDatabase open(String module, String seedTable) {
        String url = setting(module, "url");
        if (url == null || url.isBlank()) {
            throw new MissingDatabaseException(module);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(module + "-db");
        pool.setJdbcUrl(url);
        pool.setUsername(setting(module, "username"));
        pool.setPassword(setting(module, "password"));
        Integer size = typedSetting(module, "maximum-pool-size", Integer.class, 1, "a pool needs 1 connection or more");
        if (size != null) {
            pool.setMaximumPoolSize(size);
        }
        Duration timeout = typedSetting(module, "connection-timeout", Duration.class, LEAST_CONNECTION_TIMEOUT,
                "HikariCP waits 250ms or more for a connection");
        if (timeout != null) {
            pool.setConnectionTimeout(timeout.toMillis());
        }
        String movedUrl = movedSetting(module, "url");
        if (movedUrl == null || movedUrl.isBlank()) {
            prepare(module, seedTable, url, pool, true, ownerSetting(module, "username"), ownerSetting(module, "password"),
                    List.of(pool));
            return new ModuleDatabase(module, pool, mappingContext, conversions, dialect, events);
        }
        HikariDataSource moved = new HikariDataSource();
        moved.setPoolName(module + "-db-moved");
        moved.setJdbcUrl(movedUrl);
        moved.setUsername(Objects.requireNonNullElse(movedSetting(module, "username"), pool.getUsername()));
        moved.setPassword(Objects.requireNonNullElse(movedSetting(module, "password"), pool.getPassword()));
        moved.setMaximumPoolSize(pool.getMaximumPoolSize());
        moved.setConnectionTimeout(pool.getConnectionTimeout());
        // Not reachable yet (a new database still being made) is no reason not to start: the pool connects later.
        moved.setInitializationFailTimeout(-1);
        Duration interval = typed("forum.datasource." + module + ".moved.poll-interval", Duration.class,
                Duration.ofMillis(1), "the placement row is read every 1ms or more");
        ModulePlacement placement = new ModulePlacement(module, pool, moved,
                interval == null ? DEFAULT_POLL_INTERVAL : interval);
        placement.refreshNow();
        try {
            if (placement.authoritative() == ModulePlacement.Side.MOVED) {
                prepare(module, seedTable, movedUrl, moved, false,
                        Optional.ofNullable(movedSetting(module, "owner.username")).orElse(ownerSetting(module, "username")),
                        Optional.ofNullable(movedSetting(module, "owner.password")).orElse(ownerSetting(module, "password")),
                        List.of(pool, moved));
            } else {
                prepare(module, seedTable, url, pool, false, ownerSetting(module, "username"),
                        ownerSetting(module, "password"), List.of(pool, moved));
            }
        } catch (RuntimeException failed) {
            placement.close();
            throw failed;
        }
        placement.start();
        return new ModuleDatabase(module, new PlacementRoutingDataSource(placement, pool, moved), List.of(pool, moved), placement,
                mappingContext, conversions, dialect, events);
    }

    /**
     * Migrates and seeds the module's schema on one database as its owner role (over a connection of its own, closed
     * after) or, without one, as the pool's role; closes {@code pools} when that fails.
     */
    private void prepare(String module, String seedTable, String url, HikariDataSource pool, boolean soleDatabase,
                         String owner, String ownerPassword, List<HikariDataSource> pools) {
        try {
            if (owner == null) {
                new ModuleSchema(module, seedTable, pool, url, soleDatabase, seedPolicy, null).prepare();
            } else {
                try (HikariDataSource migration = new HikariDataSource()) {
                    migration.setPoolName(module + "-migration");
                    migration.setJdbcUrl(url);
                    migration.setUsername(owner);
                    migration.setPassword(ownerPassword);
                    migration.setMaximumPoolSize(2);
                    migration.setConnectionTimeout(pool.getConnectionTimeout());
                    new ModuleSchema(module, seedTable, migration, url, soleDatabase, seedPolicy, pool.getUsername())
                            .prepare();
                }
            }
        } catch (ModuleMigrationRefusedException refused) {
            pools.forEach(HikariDataSource::close);
            throw refused;
        } catch (SQLException | RuntimeException failed) {
            pools.forEach(HikariDataSource::close);
            // The role named is the one that failed: the owner while it migrates, else the module's own.
            throw new ModuleDatabaseUnavailableException(module, url, owner == null ? pool.getUsername() : owner, failed);
        }
    }

    /** Whether the module has a second database ({@code forum.datasource.<module>.moved.url}). */
    static boolean hasMovedDatabase(Binder settings, String module) {
        String url = settings.bind("forum.datasource." + module + ".moved.url", String.class).orElse(null);
        return url != null && !url.isBlank();
    }

    /** The second database's setting of a module, with no fallback to spring.datasource.*. */
    private String movedSetting(String module, String key) {
        return settings.bind("forum.datasource." + module + ".moved." + key, String.class).orElse(null);
    }

    /** The owner role's setting of a module, with no fallback: a module without one migrates as its own role. */
    private String ownerSetting(String module, String key) {
        return settings.bind("forum.datasource." + module + ".owner." + key, String.class).orElse(null);
    }

    /**
     * A module's setting of {@code type} as {@link #setting} finds it (or null), refused with the name it was read
     * under when it is not of that type or is below {@code least}.
     *
     * @throws InvalidSettingException naming the setting and its value, and {@code rule} when out of range
     */
    private <T extends Comparable<? super T>> T typedSetting(String module, String key, Class<T> type, T least,
                                                            String rule) {
        String own = "forum.datasource." + module + "." + key;
        boolean hasOwn = settings.bind(own, String.class).isBound();
        return typed(hasOwn ? own : "spring.datasource." + key, type, least, rule);
    }

    /** The setting {@code name} as {@code type} (or null), as {@link #typedSetting} refuses it. */
    private <T extends Comparable<? super T>> T typed(String name, Class<T> type, T least, String rule) {
        String given = settings.bind(name, String.class).orElse(null);
        if (given == null) {
            return null;
        }
        T value;
        try {
            value = settings.bind(name, type).get();
        } catch (RuntimeException notOfType) {
            throw new InvalidSettingException(name + "=" + given + " is not "
                    + (type == Duration.class ? "a duration, e.g. 500ms, 15m or 1h" : "a whole number"), notOfType);
        }
        if (value.compareTo(least) < 0) {
            throw new InvalidSettingException(name + "=" + given + ": " + rule, null);
        }
        return value;
    }

    private String setting(String module, String key) {
        return settings.bind("forum.datasource." + module + "." + key, String.class)
                .orElseGet(() -> settings.bind("spring.datasource." + key, String.class).orElse(null));
    }
}
