package example.events.audit.internal;

import example.events.audit.AuditRecorded;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditLog {

    private final ApplicationEventPublisher events;
    private final List<AuditRecorded> entries = new CopyOnWriteArrayList<>();

    AuditLog(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostMapping("/api/audit")
    @ResponseStatus(HttpStatus.CREATED)
    AuditRecorded record(@RequestBody String entry) {
        AuditRecorded recorded = new AuditRecorded(entries.size() + 1, entry);
        entries.add(recorded);
        events.publishEvent(recorded);
        return recorded;
    }

    @GetMapping("/api/audit")
    List<AuditRecorded> entries() {
        return entries;
    }
}
