package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which plans may share the event publication table (a relational registry, two processes or more, one of them storing
 * publications), and what the warning says (user7's library: lending publishes BookLent to its own listener; catalog
 * has no listener, and at start died on BookLent's publications with republish on).
 */
class SharedPublicationsTest {

    /** What the settings were read from, as {@link ApplicationProperties#described()} says it. */
    private static final String READ = "application.yml (no profile active; not read: profiles a deployment activates,"
            + " files beside the jar and in ./config/, the environment)";
    private static final PublicationRegistry JPA = new PublicationRegistry(PublicationRegistry.Kind.JPA, List.of(), List.of(), READ);
    private static final PublicationRegistry JDBC = new PublicationRegistry(PublicationRegistry.Kind.JDBC, List.of(), List.of(), READ);

    /** lending publishes BookLent, which its own LoanLedger listens to; catalog and members have no listener. */
    private static BoundaryTest.Shop library() {
        BoundaryTest.Shop shop = new BoundaryTest.Shop().module("lending", false, List.of("BookLent", "internal.LoanLedger"))
                .module("catalog", false, List.of("Book")).module("members", false, List.of("Member"));
        shop.listeners.add(new ModulithModel.Listener("shop.lending.BookLent", "shop.lending.internal.LoanLedger", "on"));
        return shop;
    }

    private static Map<String, List<String>> processes(Object... nameAndModules) {
        Map<String, List<String>> processes = new LinkedHashMap<>();
        for (int i = 0; i < nameAndModules.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> modules = (List<String>) nameAndModules[i + 1];
            processes.put((String) nameAndModules[i], modules);
        }
        return processes;
    }

    private static final Map<String, List<String>> SPLIT = processes("monolith", List.of("lending", "members"),
            "catalog-svc", List.of("catalog"));

    private static Optional<SharedPublications.Finding> report(ModulithModel model, PublicationRegistry registry,
            Map<String, List<String>> processes) {
        return SharedPublications.of(model, registry, List.of(SharedPublications.Plan.services("topology.yml",
                processes)), SharedPublications.Target.REPORT);
    }

    /** The plan's writers, the one plan found. */
    private static List<String> writers(SharedPublications.Finding found) {
        assertEquals(1, found.plans().size(), found::toString);
        return found.plans().get(0).writers();
    }

    @Test
    void twoProcessesOneOfThemStoringPublicationsWarnEvenTheOneWithoutAListenerIsNamed() {
        SharedPublications.Finding found = report(library().model(), JPA, SPLIT).orElseThrow();
        assertEquals(List.of("monolith"), writers(found));
        assertEquals(List.of("A plan runs the application in processes that may share Spring Modulith's JPA event"
                + " publication table:", "- Services of topology.yml: monolith, catalog-svc; monolith stores event publications.",
                "If a plan's processes share one database, they share its event_publication table."),
                found.lines().subList(0, 3));
        assertTrue(found.lines().stream().allMatch(line -> line.length() <= 160), () -> "a long line: " + found.lines());
    }

    @Test
    void oneProcessNeverWarns() {
        assertEquals(Optional.empty(), report(library().model(), JPA,
                processes("monolith", List.of("lending", "members", "catalog"))));
    }

    @Test
    void aMongoOrNeo4jRegistryOrNoneDoesNotWarn() {
        for (PublicationRegistry.Kind kind : List.of(PublicationRegistry.Kind.MONGODB, PublicationRegistry.Kind.NEO4J,
                PublicationRegistry.Kind.NONE)) {
            assertEquals(Optional.empty(), report(library().model(), new PublicationRegistry(kind,
                    List.of(PublicationRegistry.REPUBLISH + "=true"), List.of(), READ), SPLIT), kind.id());
        }
    }

    @Test
    void noProcessStoresPublicationsWithoutAListenerBesideAPublisherOfItsEvent() {
        BoundaryTest.Shop quiet = new BoundaryTest.Shop().module("lending", false, List.of("BookLent"))
                .module("catalog", false, List.of("Book")).module("members", false, List.of("Member", "internal.Greeter"));
        assertEquals(Optional.empty(), report(quiet.model(), JPA, SPLIT), "no listener at all");
        quiet.listeners.add(new ModulithModel.Listener("org.example.Foreign", "shop.members.internal.Greeter", "on"));
        assertEquals(Optional.empty(), report(quiet.model(), JPA, SPLIT), "a listener of an event no module publishes");
        quiet.listeners.add(new ModulithModel.Listener("shop.lending.BookLent", "shop.members.internal.Greeter", "on"));
        assertEquals(Optional.empty(), report(quiet.model(), JPA, processes("lending-svc", List.of("lending"),
                "monolith", List.of("members", "catalog"))), "the listener apart from its publisher: nothing is stored");
        assertEquals(List.of("monolith"), writers(report(quiet.model(), JPA, SPLIT).orElseThrow()),
                "publisher and listener together");
    }

    @Test
    void aListenerOfASharedModuleStoresInEveryProcessWhereItsEventIsPublished() {
        BoundaryTest.Shop shop = new BoundaryTest.Shop().module("lending", false, List.of("BookLent"))
                .module("catalog", false, List.of("Book", "BookAdded")).shared("audit", List.of("internal.AuditLog"));
        shop.listeners.add(new ModulithModel.Listener("java.lang.Object", "shop.audit.internal.AuditLog", "on",
                List.of("shop.lending.BookLent", "shop.catalog.BookAdded")));
        assertEquals(List.of("lending-svc", "catalog-svc"), writers(report(shop.model(), JDBC, processes("lending-svc",
                List.of("lending"), "catalog-svc", List.of("catalog"))).orElseThrow()));
    }

    @Test
    void theSettingsThatAreOnAreNamedAndBothNamesOfRepublishAreAlwaysGiven() {
        PublicationRegistry old = new PublicationRegistry(PublicationRegistry.Kind.JPA,
                List.of("spring.modulith.republish-outstanding-events-on-restart=true in application-prod.yml"), List.of(), READ);
        List<String> on = report(library().model(), old, SPLIT).orElseThrow().lines();
        assertEquals(List.of("- republish at start is on (spring.modulith.republish-outstanding-events-on-restart=true in"
                + " application-prod.yml):",
                "  a process without an event's class fails to start, one without its listener logs an ERROR and marks it failed;"),
                on.subList(4, 6));
        assertTrue(on.contains("- IncompleteEventPublications and FailedEventPublications, when called, resubmit every"
                + " process's publications, as republish does."), on::toString);
        assertTrue(on.contains("- no staleness monitor there (spring.modulith.events.staleness.published, processing or"
                + " resubmitted);"), on::toString);
        assertEquals(List.of("The JPA registry has no setting for a table of its own:",
                "keep off, while the table is shared, spring.modulith.events.republish-outstanding-events-on-restart,",
                "spring.modulith.republish-outstanding-events-on-restart and spring.modulith.events.staleness.published,"
                        + " processing and resubmitted."),
                on.subList(on.size() - 3, on.size()));

        PublicationRegistry stale = new PublicationRegistry(PublicationRegistry.Kind.JPA,
                List.of(), List.of("spring.modulith.events.staleness.published=PT1H in application.yml"), READ);
        List<String> monitored = report(library().model(), stale, SPLIT).orElseThrow().lines();
        assertEquals(List.of("- republish at start is not on in application.yml (no profile active; not read: profiles a"
                + " deployment activates, files beside the jar and in ./config/, the", "  environment);",
                "  turned on, a process without an event's class fails to start, one without its listener logs an ERROR and"
                        + " marks it failed;",
                "- the staleness monitor is on (spring.modulith.events.staleness.published=PT1H in application.yml):",
                "  every process marks the others' stale publications failed;"), monitored.subList(4, 9),
                "the line past 160 characters is wrapped");
    }

    @Test
    void aSettingOnlyTheEnvironmentCanSetMayBeOnAndTheWarningSaysWhatToCheck() {
        String unknown = PublicationRegistry.UNKNOWN;
        PublicationRegistry maybe = new PublicationRegistry(PublicationRegistry.Kind.JPA,
                List.of(PublicationRegistry.REPUBLISH + "=${REPUBLISH} in application.yml" + unknown),
                List.of(PublicationRegistry.STALENESS_PREFIX + "published=${STALE} in application.yml" + unknown), READ);
        List<String> lines = report(library().model(), maybe, SPLIT).orElseThrow().lines();
        assertEquals(List.of("- republish at start may be on (spring.modulith.events.republish-outstanding-events-on-restart=${REPUBLISH}"
                + " in application.yml, a placeholder no settings file",
                "  sets: on if the environment turns it on):",
                "  check what the environment sets for it; if on, a process without an event's class fails to start, one"
                        + " without its listener logs an ERROR and marks it failed;",
                "- the staleness monitor may be on (spring.modulith.events.staleness.published=${STALE} in application.yml,"
                        + " a placeholder no settings file sets: on if the",
                "  environment turns it on):",
                "  check what the environment sets for it; if on, every process marks the others' stale publications failed;"),
                lines.subList(4, 10));
        assertTrue(lines.stream().noneMatch(line -> line.contains(" is on")), lines::toString);
        assertTrue(lines.stream().allMatch(line -> line.length() <= 160), lines::toString);

        PublicationRegistry both = new PublicationRegistry(PublicationRegistry.Kind.JPA, List.of(), List.of(
                PublicationRegistry.STALENESS_PREFIX + "processing=PT1H in application.yml",
                PublicationRegistry.STALENESS_PREFIX + "published=${STALE} in application.yml" + unknown), READ);
        List<String> on = report(library().model(), both, SPLIT).orElseThrow().lines();
        assertTrue(on.contains("  every process marks the others' stale publications failed;"), on::toString);
        assertTrue(on.stream().anyMatch(line -> line.startsWith("- the staleness monitor is on (")),
                "a duration a file sets turns it on whatever the environment sets: " + on);
    }

    @Test
    void aJdbcRegistryIsToldToUseASchemaPerProcessWhereTheDatabaseTakesIt() {
        List<String> report = report(library().model(), JDBC, SPLIT).orElseThrow().lines();
        assertEquals("  turned on, a process without an event's class skips it with a WARN, one without its listener logs an"
                + " ERROR and marks it failed;", report.get(6), "the JDBC registry skips a row of an unknown class");
        assertEquals("Completing one matches the event and the listener's id: a process completes another's only for a"
                + " listener both run.", report.get(9));
        assertEquals(List.of("On PostgreSQL, H2 or HSQLDB give each process a schema of its own with"
                + " spring.modulith.events.jdbc.schema (environment variable SPRING_MODULITH_EVENTS_JDBC_SCHEMA),",
                "set only once the process's outstanding publications are completed. Until then, and on MySQL, MariaDB,"
                        + " SQL Server or Oracle (where Spring Modulith refuses the setting):",
                "keep off, while the table is shared, spring.modulith.events.republish-outstanding-events-on-restart,"),
                report.subList(10, 13));

        List<String> ecs = SharedPublications.of(library().model(), JDBC, List.of(SharedPublications.Plan.services(
                "topology.yml", SPLIT)), SharedPublications.Target.ECS).orElseThrow().lines();
        assertEquals(List.of("A plan runs the application in processes that share Spring Modulith's JDBC event publication"
                + " table:", "- Services of topology.yml: monolith, catalog-svc; monolith stores event publications.",
                "Every task gets the same SPRING_DATASOURCE_URL, and a service's `database:` moves only its modules' tables:"
                        + " these processes share one database and its event_publication table",
                "(the monolith's too, holding up to every module: deploy.sh widens it while it moves traffic, or retires it"
                        + " after)."), ecs.subList(0, 4),
                "under ECS the tasks do share the table: no \"may\", no \"if\"");
        assertEquals(List.of("Give each service a schema of its own with spring.modulith.events.jdbc.schema: in the topology"
                + " file, under each service, environment: {SPRING_MODULITH_EVENTS_JDBC_SCHEMA: <schema>},",
                "which the ecs goal renders into that service's task definition (its stack template and"
                        + " taskdefs/<service>.json),",
                "set only once the service's outstanding publications are completed. Until then:",
                "keep off, while the table is shared, spring.modulith.events.republish-outstanding-events-on-restart,"),
                ecs.subList(11, 15));
        assertTrue(ecs.stream().noneMatch(line -> line.contains("may share") || line.contains("If ") || line.contains(" if ")),
                ecs::toString);
    }

    @Test
    void severalPlansGetOneWarningNamingEachThatSharesTheExplanationOnce() {
        BoundaryTest.Shop shop = library();
        List<SharedPublications.Plan> plans = List.of(
                new SharedPublications.Plan("Module 'catalog' alone", processes("catalog", List.of("catalog"),
                        "monolith", List.of("lending", "members"))),
                new SharedPublications.Plan("One process", processes("monolith", List.of("catalog", "lending", "members"))),
                new SharedPublications.Plan("Module 'lending' alone", processes("lending", List.of("lending"),
                        "monolith", List.of("catalog", "members"))));
        SharedPublications.Finding found = SharedPublications.of(shop.model(), JDBC, plans, SharedPublications.Target.REPORT)
                .orElseThrow();
        assertEquals(List.of("Module 'catalog' alone", "Module 'lending' alone"),
                found.plans().stream().map(SharedPublications.Sharing::about).toList(), "the plan of one process is left out");
        assertEquals(List.of(List.of("monolith"), List.of("lending")),
                found.plans().stream().map(SharedPublications.Sharing::writers).toList());
        assertEquals(List.of("2 plans run the application in processes that may share Spring Modulith's JDBC event"
                + " publication table:", "- Module 'catalog' alone: catalog, monolith; monolith stores event publications.",
                "- Module 'lending' alone: lending, monolith; lending stores event publications."), found.lines().subList(0, 3));
        List<String> one = report(shop.model(), JDBC, SPLIT).orElseThrow().lines();
        assertEquals(one.subList(2, one.size()), found.lines().subList(3, found.lines().size()),
                "the explanation and advice come once, as for a single plan");
    }
}
