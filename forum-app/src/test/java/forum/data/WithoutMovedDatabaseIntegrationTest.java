package forum.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import forum.platform.data.ModuleDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Without {@code forum.datasource.<module>.moved.url} a module has one pool, a transaction manager that only raises its
 * data version (not the placement's, which holds writes during a switch) and no retry around its API: nothing of the
 * data move's application side exists, and no placement table is read.
 */
@SpringBootTest
class WithoutMovedDatabaseIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void no_module_follows_a_placement_row_unless_it_is_given_a_second_database() {
        for (String module : new String[] {"users", "threads", "posts"}) {
            ModuleDatabase database = context.getBean(module + "Database", ModuleDatabase.class);
            assertThat(database.placement()).as(module).isNull();
            assertThat(database.dataSource()).as(module).isInstanceOf(HikariDataSource.class);
            assertThat(database.transactionManager().getClass().getSimpleName()).as(module)
                    .isEqualTo("DataVersionTransactionManager");
            assertThat(context.containsBean(module + "MovedWriteRetry")).as(module).isFalse();
        }
    }
}
