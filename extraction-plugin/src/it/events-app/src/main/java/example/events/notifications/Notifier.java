package example.events.notifications;

import example.events.shipping.ShipmentScheduled;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class Notifier {

    final List<String> sent = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ShipmentScheduled shipment) {
        sent.add("order " + shipment.order() + " ships");
    }
}
