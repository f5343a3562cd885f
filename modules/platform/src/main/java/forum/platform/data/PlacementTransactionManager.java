package forum.platform.data;

import javax.sql.DataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * A module's transactions when it has two databases: a transaction that may write (not read-only) first waits while
 * a switch's pause is announced ({@link ModulePlacement#awaitWritable()}), then takes its connection from the
 * database then authoritative. Read-only transactions and reads outside a transaction are never held.
 */
final class PlacementTransactionManager extends DataVersionTransactionManager {

    private final transient ModulePlacement placement;

    PlacementTransactionManager(DataSource routing, ModulePlacement placement, String module) {
        super(routing, module);
        this.placement = placement;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (!definition.isReadOnly()) {
            try {
                placement.awaitWritable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotCreateTransactionException("interrupted while a write was held for a database switch", e);
            }
        }
        super.doBegin(transaction, definition);
    }
}
