package example.events.orders.internal;

import example.events.orders.OrderPlaced;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderService {

    private final ApplicationEventPublisher events;
    private final AtomicInteger ids = new AtomicInteger();

    OrderService(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostMapping("/api/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderPlaced place(@RequestBody String item) {
        OrderPlaced placed = new OrderPlaced(ids.incrementAndGet(), item);
        events.publishEvent(placed);
        return placed;
    }
}
