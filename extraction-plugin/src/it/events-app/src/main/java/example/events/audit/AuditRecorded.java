package example.events.audit;

import org.springframework.modulith.events.Externalized;

/** For the broker's "audit-log" topic; no module of the application listens to it. */
@Externalized("audit-log")
public record AuditRecorded(int id, String entry) {
}
