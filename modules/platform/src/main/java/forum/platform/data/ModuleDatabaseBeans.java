package forum.platform.data;

import javax.sql.DataSource;
import org.springframework.aop.Advisor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers a module's database beans, named after the module so its repositories can point at them:
 * {@code <module>Database}, {@code <module>DataSource}, {@code <module>JdbcAggregateOperations} and
 * {@code <module>TransactionManager}; where the module has a second database ({@code forum.datasource.<module>.moved.url})
 * also {@code <module>MovedWriteRetry}, which retries its API's calls refused by a database that no longer holds it
 * ({@link MovedWriteRetry}). A module imports a subclass from its configuration, which exists
 * only where the module is local.
 */
public abstract class ModuleDatabaseBeans implements BeanRegistrar {

    private final String module;
    private final String seedTable;

    /**
     * @param module    the module, also its schema
     * @param seedTable the table whose emptiness means "load the sample data" (schema-qualified)
     */
    protected ModuleDatabaseBeans(String module, String seedTable) {
        this.module = module;
        this.seedTable = seedTable;
    }

    @Override
    public void register(BeanRegistry registry, Environment environment) {
        String database = module + "Database";
        registry.registerBean(database, ModuleDatabase.class,
                spec -> spec.supplier(context -> context.bean(ModuleDatabases.class).open(module, seedTable)));
        registry.registerBean(module + "DataSource", DataSource.class,
                spec -> spec.supplier(context -> context.bean(database, ModuleDatabase.class).dataSource()));
        registry.registerBean(module + "JdbcAggregateOperations", JdbcAggregateOperations.class,
                spec -> spec.supplier(context -> context.bean(database, ModuleDatabase.class).aggregateOperations()));
        registry.registerBean(module + "TransactionManager", PlatformTransactionManager.class,
                spec -> spec.supplier(context -> context.bean(database, ModuleDatabase.class).transactionManager()));
        if (ModuleDatabases.hasMovedDatabase(Binder.get(environment), module)) {
            registry.registerBean(module + "MovedWriteRetry", Advisor.class,
                    spec -> spec.infrastructure().supplier(context -> new MovedWriteRetry(module)));
        }
    }
}
