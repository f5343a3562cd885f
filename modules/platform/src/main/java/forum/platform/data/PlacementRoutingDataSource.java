package forum.platform.data;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * A module's connections when it has two databases: each connection comes from the pool of the database its
 * {@link ModulePlacement} names authoritative at that moment. A transaction keeps the connection it began with
 * (Spring binds it to the transaction), so one transaction never spans both databases.
 */
final class PlacementRoutingDataSource extends AbstractRoutingDataSource {

    private final ModulePlacement placement;

    PlacementRoutingDataSource(ModulePlacement placement, DataSource home, DataSource moved) {
        this.placement = placement;
        setTargetDataSources(Map.of(ModulePlacement.Side.HOME, home, ModulePlacement.Side.MOVED, moved));
        setLenientFallback(false);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return placement.authoritative();
    }
}
