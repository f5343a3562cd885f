package example.events.shipping.internal;

import example.events.orders.OrderPlaced;
import example.events.shipping.ShipmentScheduled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

@Component
class ShipmentPlanner {

    private final ApplicationEventPublisher events;

    ShipmentPlanner(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ApplicationModuleListener
    void on(OrderPlaced order) {
        events.publishEvent(new ShipmentScheduled(order.id(), order.item()));
    }
}
