package example.events.shipping;

import org.springframework.modulith.events.Externalized;

/** Also published to the broker's "shipments" topic, once the application externalizes events. */
@Externalized("shipments")
public record ShipmentScheduled(int order, String item) {
}
