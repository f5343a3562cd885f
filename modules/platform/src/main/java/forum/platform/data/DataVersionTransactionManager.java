package forum.platform.data;

import forum.platform.InputViolations;
import forum.platform.ValidationException;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A module's transactions: as Spring's {@link DataSourceTransactionManager}, and every transaction that may write
 * (not read-only) raises the module's {@link DataVersion} just before it commits, in the same transaction, so the
 * data and its version commit together or not at all. A read-write transaction that wrote nothing raises it too: it
 * costs a cached read answer, never a stale one. Two writing transactions of one module queue on that row from the
 * raise to their commit.
 */
class DataVersionTransactionManager extends DataSourceTransactionManager {

    private final String module;

    /**
     * @param dataSource the module's connections
     * @param module     the module, also its schema
     */
    DataVersionTransactionManager(DataSource dataSource, String module) {
        super(dataSource);
        this.module = module;
    }

    @Override
    protected void prepareForCommit(DefaultTransactionStatus status) {
        // A rollback-only transaction never gets here: Spring rolls it back instead of preparing a commit.
        if (!status.isNewTransaction() || status.isReadOnly()) {
            return;
        }
        if (InputViolations.held()) {
            // A body field was refused while it was read and no rule of the module reported it: never write it.
            throw new ValidationException(InputViolations.mergeInto(List.of()));
        }
        JdbcTransactionObjectSupport transaction = (JdbcTransactionObjectSupport) status.getTransaction();
        try {
            DataVersion.raise(transaction.getConnectionHolder().getConnection(), module);
        } catch (SQLException refused) {
            throw translateException("raising the data version of " + module, refused);
        }
    }
}
