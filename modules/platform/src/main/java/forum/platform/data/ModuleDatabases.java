package forum.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.stereotype.Component;

/**
 * Opens a module's database: its connection settings are {@code forum.datasource.<module>.url},
 * {@code .username}, {@code .password} and {@code .maximum-pool-size}, each falling back to
 * {@code spring.datasource.*}. So one database with a schema per module needs only a role per module
 * ({@code FORUM_DATASOURCE_POSTS_USERNAME}, ...), and a module can also have a database of its own.
 *
 * <p>With {@code forum.datasource.<module>.owner.username} and {@code .owner.password}
 * ({@code FORUM_DATASOURCE_POSTS_OWNER_USERNAME}, ...; no fallback), the module's migrations and seed run as that
 * owner role over a connection of their own, closed before the pool opens, and the owner then grants the
 * runtime role (the pool's) the rows of its tables and nothing else ({@code deploy/postgres/module-roles.sql}
 * makes both roles). Without them the module's own role migrates, as with a single role per module.
 */
@Component
public class ModuleDatabases {

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

    /** Connects as the module, migrates its schema and loads the seed where allowed. */
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
        String size = setting(module, "maximum-pool-size");
        if (size != null) {
            pool.setMaximumPoolSize(Integer.parseInt(size));
        }
        String owner = ownerSetting(module, "username");
        try {
            if (owner == null) {
                new ModuleSchema(module, seedTable, pool, seedPolicy, null).prepare();
            } else {
                try (HikariDataSource migration = new HikariDataSource()) {
                    migration.setPoolName(module + "-migration");
                    migration.setJdbcUrl(url);
                    migration.setUsername(owner);
                    migration.setPassword(ownerSetting(module, "password"));
                    migration.setMaximumPoolSize(2);
                    new ModuleSchema(module, seedTable, migration, seedPolicy, pool.getUsername()).prepare();
                }
            }
        } catch (SQLException | RuntimeException failed) {
            pool.close();
            // The role named is the one that failed: the owner while it migrates, else the module's own.
            throw new ModuleDatabaseUnavailableException(module, url, owner == null ? pool.getUsername() : owner, failed);
        }
        return new ModuleDatabase(pool, mappingContext, conversions, dialect, events);
    }

    /** The owner role's setting of a module, with no fallback: a module without one migrates as its own role. */
    private String ownerSetting(String module, String key) {
        return settings.bind("forum.datasource." + module + ".owner." + key, String.class).orElse(null);
    }

    private String setting(String module, String key) {
        return settings.bind("forum.datasource." + module + "." + key, String.class)
                .orElseGet(() -> settings.bind("spring.datasource." + key, String.class).orElse(null));
    }
}
