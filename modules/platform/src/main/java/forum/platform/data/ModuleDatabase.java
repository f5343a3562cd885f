package forum.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.jdbc.core.convert.DelegatingDataAccessStrategy;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.convert.QueryMappingConfiguration;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.JdbcConfiguration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One module's own connection to the database: its own pool (as its own role where the database has
 * roles), and the Spring Data JDBC plumbing its repositories run on. Made only where the module is local.
 *
 * <p>A module given a second database ({@code forum.datasource.<module>.moved.*}, see {@link ModuleDatabases}) has a
 * pool on each, and its connections and transactions follow its {@link ModulePlacement}: they go to the database the
 * placement rows name authoritative, and writes wait out a switch's pause.
 */
public final class ModuleDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final List<HikariDataSource> pools;
    private final ModulePlacement placement;
    private final JdbcAggregateTemplate aggregateOperations;
    private final DataSourceTransactionManager transactionManager;
    private final DataVersion dataVersion;

    /** A module with one database. */
    ModuleDatabase(String module, HikariDataSource pool, JdbcMappingContext mappingContext,
                   JdbcCustomConversions conversions, JdbcDialect dialect, ApplicationEventPublisher events) {
        this(module, pool, List.of(pool), null, mappingContext, conversions, dialect, events);
    }

    /**
     * A module whose connections are {@code dataSource} (a routing one when {@code placement} is given), over
     * {@code pools}, which {@link #close()} closes.
     */
    ModuleDatabase(String module, DataSource dataSource, List<HikariDataSource> pools, ModulePlacement placement,
                   JdbcMappingContext mappingContext, JdbcCustomConversions conversions,
                   JdbcDialect dialect, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.pools = pools;
        this.placement = placement;
        NamedParameterJdbcOperations operations = new NamedParameterJdbcTemplate(dataSource);
        DelegatingDataAccessStrategy relations = new DelegatingDataAccessStrategy();
        JdbcConverter converter = JdbcConfiguration.createConverter(mappingContext, operations, relations, conversions, dialect);
        DataAccessStrategy dataAccessStrategy = JdbcConfiguration.createDataAccessStrategy(operations, converter, QueryMappingConfiguration.EMPTY, dialect);
        relations.setDelegate(dataAccessStrategy);
        this.aggregateOperations = new JdbcAggregateTemplate(events, mappingContext, converter, dataAccessStrategy);
        // No application event per row read or written (AfterConvertEvent, BeforeSaveEvent, ...): nothing listens
        // to them, and publishing one per row was about 1-2 % of a list request's CPU (BENCHMARKS.md).
        this.aggregateOperations.setEntityLifecycleEventsEnabled(false);
        this.transactionManager = placement == null ? new DataVersionTransactionManager(dataSource, module)
                : new PlacementTransactionManager(dataSource, placement, module);
        this.dataVersion = new DataVersion(dataSource, module);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcAggregateOperations aggregateOperations() {
        return aggregateOperations;
    }

    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    /** The version of the module's data, read where its connections go. */
    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** The placement this module's connections follow, or null when it has one database only. */
    public ModulePlacement placement() {
        return placement;
    }

    @Override
    public void close() {
        if (placement != null) {
            placement.close();
        }
        pools.forEach(HikariDataSource::close);
    }
}
