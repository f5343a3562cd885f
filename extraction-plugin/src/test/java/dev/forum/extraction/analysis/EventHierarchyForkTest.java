package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.assemble.RuntimeMetadata;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModuleLinks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listeners that do not name the published event class, read by the analyzer in its own JVM from a compiled application:
 * a supertype (an interface in the root package that events of two modules implement), {@code PayloadApplicationEvent<X>}
 * (as a parameter and as {@code ApplicationListener}'s type argument), {@code @EventListener(classes = ...)} and
 * {@code ApplicationListener<ApplicationEvent>}, which receives every event. Each must keep its module with every
 * publisher it receives from: a blocker at build time, {@code listens} metadata and a refusal at run time.
 */
class EventHierarchyForkTest {

    private static final String L = "@org.springframework.stereotype.Component class ";
    private static final String PUBLISH = " { private final org.springframework.context.ApplicationEventPublisher events;"
            + " Publisher(org.springframework.context.ApplicationEventPublisher events) { this.events = events; }";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("lib/LibraryApplication.java", "package lib; @org.springframework.modulith.Modulithic public class LibraryApplication {}"),
            Map.entry("lib/LibraryEvent.java", "package lib; public interface LibraryEvent {}"),
            Map.entry("lib/loans/LoanCreated.java", "package lib.loans; public record LoanCreated(int id) implements lib.LibraryEvent {}"),
            Map.entry("lib/loans/internal/Publisher.java", "package lib.loans.internal; " + L + "Publisher" + PUBLISH
                    + " void lend(int id) { events.publishEvent(new lib.loans.LoanCreated(id)); } }"),
            Map.entry("lib/members/MemberRegistered.java", "package lib.members; public record MemberRegistered(String name) implements lib.LibraryEvent {}"),
            Map.entry("lib/members/internal/Publisher.java", "package lib.members.internal; " + L + "Publisher" + PUBLISH
                    + " void join(String name) { events.publishEvent(new lib.members.MemberRegistered(name)); } }"),
            Map.entry("lib/notifications/internal/Notifier.java", "package lib.notifications.internal; " + L
                    + "Notifier { @org.springframework.context.event.EventListener void on(lib.LibraryEvent event) { } }"),
            Map.entry("lib/audit/internal/MemberAudit.java", "package lib.audit.internal; " + L + "MemberAudit implements"
                    + " org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<lib.members.MemberRegistered>> {"
                    + " public void onApplicationEvent(org.springframework.context.PayloadApplicationEvent<lib.members.MemberRegistered> e) { } }"),
            Map.entry("lib/history/internal/History.java", "package lib.history.internal; " + L + "History {"
                    + " @org.springframework.context.event.EventListener void on(org.springframework.context.PayloadApplicationEvent<lib.loans.LoanCreated> e) { } }"),
            Map.entry("lib/digest/internal/Digest.java", "package lib.digest.internal; " + L + "Digest {"
                    + " @org.springframework.context.event.EventListener(classes = lib.LibraryEvent.class) void on() { } }"),
            Map.entry("lib/stats/internal/Stats.java", "package lib.stats.internal; " + L + "Stats implements"
                    + " org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> {"
                    + " public void onApplicationEvent(org.springframework.context.ApplicationEvent e) { } }"));

    private static final String LOAN = "lib.loans.LoanCreated";
    private static final String MEMBER = "lib.members.MemberRegistered";

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "lib.LibraryApplication");

    @Test
    void aListenerOfASupertypeOrAPayloadReceivesThePublishedClasses() {
        assertEquals(Map.of(LOAN, Set.of("loans"), MEMBER, Set.of("members")), publishers("lib.notifications.internal.Notifier"));
        assertEquals(Map.of(LOAN, Set.of("loans"), MEMBER, Set.of("members")), publishers("lib.digest.internal.Digest"));
        assertEquals(Map.of(MEMBER, Set.of("members")), publishers("lib.audit.internal.MemberAudit"));
        assertEquals(Map.of(LOAN, Set.of("loans")), publishers("lib.history.internal.History"));
        assertEquals(Map.of(LOAN, Set.of("loans"), MEMBER, Set.of("members")), publishers("lib.stats.internal.Stats"));
        assertEquals(MEMBER, listener("lib.audit.internal.MemberAudit").event(), "the payload, not PayloadApplicationEvent");
    }

    @Test
    void eachListenerIsKeptWithEveryPublisherItReceivesFrom() {
        assertEquals(Set.of("event-across-services " + LOAN + " loans", "event-across-services " + MEMBER + " members"),
                blockers("notifications"));
        assertEquals(Set.of("event-across-services " + MEMBER + " members"), blockers("audit"));
        assertEquals(Set.of("event-across-services " + LOAN + " loans"), blockers("history"));
        assertEquals(Set.of("event-across-services " + LOAN + " loans", "event-across-services " + MEMBER + " members"), blockers("stats"));
        assertTrue(blockers("loans").containsAll(Set.of("event-across-services " + LOAN + " notifications",
                "event-across-services " + LOAN + " history", "event-across-services " + LOAN + " stats")), blockers("loans").toString());
        assertEquals(Set.of(), blockers("notifications", "digest", "stats", "loans", "members", "audit", "history"));
        String line = Planner.plan(APPLICATION.model(), List.of(), new ServiceRequest("notifications", List.of("notifications"))).blockers().stream()
                .filter(b -> b.target().equals(LOAN)).findFirst().orElseThrow().message();
        assertTrue(line.contains("event " + LOAN + ", published by module loans") && line.contains("Notifier.on as lib.LibraryEvent ("),
                line);
        // Every module listens to or publishes what ties it to the rest: keeping them together is the monolith.
        assertTrue(!line.contains("\n") && line.contains("no split of audit, digest, history, loans, members, notifications"
                + " and stats is possible while the event stays, as a service holding loans and notifications together would"
                + " hold every module of the application (the monolith)"), line);
    }

    @Test
    void theRunTimeRefusesEitherEndAlone() throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(RuntimeMetadata.of(APPLICATION.model(), List.of())));
        assertEquals(LOAN + "@loans," + MEMBER + "@members", properties.getProperty("module.notifications.listens"));
        assertEquals(MEMBER + "@members", properties.getProperty("module.audit.listens"));
        assertEquals(LOAN + "@loans", properties.getProperty("module.history.listens"));
        ModuleMetadata metadata = ModuleMetadata.parse(properties, "test");

        var listener = assertThrows(InvalidTopologyException.class, () -> resolve(metadata, "notifications", "members"));
        // Every refusal at once: notifications' listening first, then members' events to listeners in other processes.
        assertEquals("Module 'notifications' runs here and listens to " + LOAN + ", which module 'loans' publishes in another"
                + " process, so it would never arrive: events across processes need a message broker, which this library does"
                + " not support yet; run loans and notifications in the same process", listener.refusals().get(0));
        assertTrue(listener.refusals().stream().skip(1).allMatch(r -> r.startsWith("Module 'members' runs here and publishes "
                + MEMBER)) && listener.refusals().size() > 1, listener.getMessage());
        var publisher = assertThrows(InvalidTopologyException.class, () -> resolve(metadata, "members"));
        assertTrue(publisher.refusals().size() > 1 && publisher.refusals().stream().allMatch(r -> r.startsWith(
                "Module 'members' runs here and publishes " + MEMBER + ", which module '")), publisher.getMessage());
    }

    private static Topology resolve(ModuleMetadata metadata, String... local) {
        return Topology.resolve(new TopologySettings(Set.of(local), URI.create("http://lb"), Map.of(), Duration.ofMillis(250),
                Duration.ofMillis(800)), metadata);
    }

    private static ModulithModel.Listener listener(String type) {
        return APPLICATION.model().listeners().stream().filter(l -> l.listener().equals(type)).findFirst().orElseThrow(
                () -> new AssertionError("no listener " + type + " in " + APPLICATION.model().listeners()));
    }

    private static Map<String, Set<String>> publishers(String type) {
        return ModuleLinks.publishersOf(APPLICATION.model(), listener(type));
    }

    private static Set<String> blockers(String... modules) {
        Set<String> found = new TreeSet<>();
        for (Blocker b : Planner.plan(APPLICATION.model(), List.of(), new ServiceRequest(String.join("-", modules), List.of(modules))).blockers()) {
            if (b.kind() == Blocker.Kind.EVENT) {
                found.add(b.kind().id() + " " + b.target() + " " + (List.of(modules).contains(b.sourceModule()) ? b.targetModule() : b.sourceModule()));
            }
        }
        return found;
    }
}
