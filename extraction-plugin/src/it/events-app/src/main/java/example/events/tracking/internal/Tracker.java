package example.events.tracking.internal;

import example.events.Tracked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Listens to a supertype of MemberRegistered: it receives it all the same. */
@Component
class Tracker {

    @EventListener
    void on(Tracked event) {
    }
}
