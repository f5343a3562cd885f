package example.events.members.internal;

import example.events.members.MemberRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

@Component
class Registrar {

    private final ApplicationEventPublisher events;

    Registrar(ApplicationEventPublisher events) {
        this.events = events;
    }

    void register(String name) {
        events.publishEvent(new MemberRegistered(name));
    }
}
