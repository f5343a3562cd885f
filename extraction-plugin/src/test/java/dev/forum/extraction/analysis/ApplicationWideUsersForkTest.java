package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ApplicationWide;
import dev.forum.extraction.model.ApplicationWide.Effect;
import dev.forum.extraction.model.ApplicationWide.Setting;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who uses a feature switch, read by the analyzer in its own JVM from one compiled application, {@code crm}:
 * {@code audit} turns on {@code @EnableJpaAuditing}, which the {@code @CreatedDate} field of {@code contacts}' entity
 * needs, and so do {@code tickets}' entities (one extends Spring Data JPA's {@code AbstractAuditable}, one a library's
 * base entity that extends it, one a library's base entity with a {@code @CreatedDate} field) and {@code tasks}' entity
 * (its {@code @EntityListeners} name Spring Data JPA's {@code AuditingEntityListener}); {@code drafts}' entity uses no
 * auditing (a library base with a {@code @Version} field, another listener, an own interface named {@code Auditable});
 * {@code ops} turns on {@code @EnableScheduling}, which {@code crm.Nightly}, a class outside every module (held by every
 * process), needs; {@code notes} has a controller only. Spring Data's types are stand-ins of the same names in a library
 * jar beside the application's classes, with the library's base entities (Spring Data is not on the test class path).
 */
class ApplicationWideUsersForkTest {

    private static final String CONFIGURATION = "@org.springframework.context.annotation.Configuration ";
    private static final String AUDIT = "org.springframework.data.annotation.";
    private static final String SCHEDULING = "org.springframework.scheduling.annotation.";
    private static final String ENTITY = "@jakarta.persistence.Entity ";
    private static final String MAPPED_SUPERCLASS = "@jakarta.persistence.MappedSuperclass ";

    @TempDir
    static Path dir;

    /** Every module of crm, in name order. */
    private static final List<String> EVERY_MODULE = List.of("audit", "contacts", "drafts", "notes", "ops", "tasks", "tickets");

    private static ModulithModel model;
    private static List<ScannedArtifact> artifacts;

    private static String controller(String module, String type) {
        return "package crm." + module + "; @org.springframework.web.bind.annotation.RestController public class " + type
                + " { @org.springframework.web.bind.annotation.GetMapping(\"/api/" + module + "\") String all() { return \"\"; } }";
    }

    private static String annotation(String pkg, String name, String target) {
        return "package " + pkg + "; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                + " @java.lang.annotation.Target(java.lang.annotation.ElementType." + target + ") public @interface " + name + " {}";
    }

    /** The library's classes: Spring Data's stand-ins and a company's base entities, each source path to its text. */
    private static Map<String, String> library() {
        Map<String, String> sources = new HashMap<>();
        sources.put("org/springframework/data/annotation/CreatedDate.java",
                annotation("org.springframework.data.annotation", "CreatedDate", "FIELD"));
        sources.put("org/springframework/data/jpa/repository/config/EnableJpaAuditing.java",
                annotation("org.springframework.data.jpa.repository.config", "EnableJpaAuditing", "TYPE"));
        sources.put("org/springframework/data/domain/Auditable.java", "package org.springframework.data.domain;"
                + " public interface Auditable { java.util.Optional<java.time.LocalDateTime> getCreatedDate(); }");
        sources.put("org/springframework/data/jpa/domain/AbstractAuditable.java", "package org.springframework.data.jpa.domain; "
                + MAPPED_SUPERCLASS + "public abstract class AbstractAuditable implements org.springframework.data.domain.Auditable {"
                + " java.time.LocalDateTime createdDate; public java.util.Optional<java.time.LocalDateTime> getCreatedDate() {"
                + " return java.util.Optional.ofNullable(createdDate); } }");
        sources.put("org/springframework/data/jpa/domain/support/AuditingEntityListener.java",
                "package org.springframework.data.jpa.domain.support; public class AuditingEntityListener {}");
        sources.put("com/acme/persistence/AuditedEntity.java", "package com.acme.persistence; " + MAPPED_SUPERCLASS
                + "public abstract class AuditedEntity extends org.springframework.data.jpa.domain.AbstractAuditable {}");
        sources.put("com/acme/persistence/StampedEntity.java", "package com.acme.persistence; " + MAPPED_SUPERCLASS
                + "public abstract class StampedEntity { @" + AUDIT + "CreatedDate protected java.time.Instant created; }");
        sources.put("com/acme/persistence/VersionedEntity.java", "package com.acme.persistence; " + MAPPED_SUPERCLASS
                + "public abstract class VersionedEntity { @jakarta.persistence.Version protected Long version; }");
        sources.put("com/acme/persistence/ChangeListener.java", "package com.acme.persistence; public class ChangeListener {}");
        return sources;
    }

    @BeforeAll
    static void analyse() throws Exception {
        Map<String, String> sources = new HashMap<>(library());
        sources.put("crm/CrmApplication.java", "package crm; @org.springframework.modulith.Modulithic public class CrmApplication {}");
        sources.put("crm/Nightly.java", "package crm; @org.springframework.stereotype.Component class Nightly {"
                + " @" + SCHEDULING + "Scheduled(cron = \"0 0 3 * * *\") void clean() {} }");
        sources.put("crm/audit/AuditController.java", controller("audit", "AuditController"));
        sources.put("crm/audit/internal/AuditConfig.java", "package crm.audit.internal; " + CONFIGURATION
                + "@org.springframework.data.jpa.repository.config.EnableJpaAuditing class AuditConfig {}");
        sources.put("crm/ops/OpsController.java", controller("ops", "OpsController"));
        sources.put("crm/ops/internal/OpsConfig.java", "package crm.ops.internal; " + CONFIGURATION + "@" + SCHEDULING
                + "EnableScheduling class OpsConfig {}");
        sources.put("crm/contacts/ContactController.java", controller("contacts", "ContactController"));
        sources.put("crm/contacts/internal/Contact.java", "package crm.contacts.internal; " + ENTITY
                + "class Contact { @jakarta.persistence.Id Long id; @" + AUDIT + "CreatedDate java.time.Instant created; }");
        sources.put("crm/notes/NotesController.java", controller("notes", "NotesController"));
        sources.put("crm/tickets/internal/Ticket.java", "package crm.tickets.internal; " + ENTITY
                + "class Ticket extends org.springframework.data.jpa.domain.AbstractAuditable { @jakarta.persistence.Id Long id; }");
        sources.put("crm/tickets/internal/Reply.java", "package crm.tickets.internal; " + ENTITY
                + "class Reply extends com.acme.persistence.AuditedEntity { @jakarta.persistence.Id Long id; }");
        sources.put("crm/tickets/internal/Attachment.java", "package crm.tickets.internal; " + ENTITY
                + "class Attachment extends com.acme.persistence.StampedEntity { @jakarta.persistence.Id Long id; }");
        sources.put("crm/tasks/internal/Task.java", "package crm.tasks.internal; " + ENTITY + "@jakarta.persistence.EntityListeners("
                + "org.springframework.data.jpa.domain.support.AuditingEntityListener.class) class Task {"
                + " @jakarta.persistence.Id Long id; }");
        sources.put("crm/drafts/internal/Auditable.java", "package crm.drafts.internal; interface Auditable {}");
        sources.put("crm/drafts/internal/Draft.java", "package crm.drafts.internal; " + ENTITY + "@jakarta.persistence.EntityListeners("
                + "com.acme.persistence.ChangeListener.class) class Draft extends com.acme.persistence.VersionedEntity"
                + " implements Auditable { @jakarta.persistence.Id Long id; }");
        Path classes = AnalyzedApplication.compile(dir, sources);
        Path jar = libraryJar(classes, dir.resolve("acme-persistence.jar"));
        AnalysisFork.Request request = AnalyzedApplication.request(dir, classes, "crm.CrmApplication");
        List<Path> classpath = new ArrayList<>(request.classpath());
        classpath.add(1, jar);
        model = AnalysisFork.run(new AnalysisFork.Request(request.java(), classpath, request.mainClass(),
                request.routeAnnotation(), request.workDirectory(), request.timeout()));
        artifacts = List.of(new BytecodeScanner().scan("crm (classes)", classes));
    }

    /**
     * Moves the library's compiled classes (every package but the application's, {@code crm}) out of {@code classes}
     * into a jar of their own, as a library the application depends on (ApplicationWideListenersForkTest shares it).
     */
    static Path libraryJar(Path classes, Path jar) throws IOException {
        List<Path> library;
        try (Stream<Path> files = Files.walk(classes)) {
            library = files.filter(Files::isRegularFile).filter(file -> !classes.relativize(file).startsWith("crm")).toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            for (Path file : library) {
                entries.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                entries.write(Files.readAllBytes(file));
                entries.closeEntry();
                Files.delete(file);
            }
        }
        assertTrue(Files.notExists(classes.resolve("org/springframework/data/domain/Auditable.class")));
        return jar;
    }

    private static List<String> blockedBy(String name, String... modules) {
        return Planner.plan(model, artifacts, new ServiceRequest(name, List.of(modules))).blockers().stream()
                .filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).map(Blocker::message).toList();
    }

    /**
     * The analyzer takes the auditing switch for a feature switch and reads a field's @CreatedDate and a root class's
     * @Scheduled; an entity assignable to Spring Data's Auditable (directly, or through the library's base entity), a
     * library base entity's @CreatedDate field and @EntityListeners naming the auditing listener; nothing of drafts.
     */
    @Test
    void theAnalyzerReadsAuditingAndTheUsesOutsideEveryModule() {
        assertEquals(Map.of("crm.audit.internal.AuditConfig", List.of(new Setting("@EnableJpaAuditing", Effect.ENABLES,
                List.of(AUDIT + "CreatedBy", AUDIT + "CreatedDate", AUDIT + "LastModifiedBy", AUDIT + "LastModifiedDate",
                        ApplicationWide.AUDITABLE, ApplicationWide.AUDITING_ENTITY_LISTENER)))),
                ApplicationWideModules.classesOf(model, "audit"));
        assertEquals(Set.of(AUDIT + "CreatedDate"), ApplicationWideModules.featureUsesOf(model, "contacts"));
        assertEquals(Set.of(SCHEDULING + "Scheduled"), ApplicationWideModules.featureUsesOf(model, ""));
        assertEquals(Set.of(), ApplicationWideModules.featureUsesOf(model, "notes"));

        Map<String, List<String>> uses = model.applicationWide().featureUses();
        assertEquals(List.of(ApplicationWide.AUDITABLE), uses.get("crm.tickets.internal.Ticket"), "extends AbstractAuditable");
        assertEquals(List.of(ApplicationWide.AUDITABLE), uses.get("crm.tickets.internal.Reply"), "through the library's base");
        assertEquals(List.of(AUDIT + "CreatedDate"), uses.get("crm.tickets.internal.Attachment"), "the library base's field");
        assertEquals(List.of(ApplicationWide.AUDITING_ENTITY_LISTENER), uses.get("crm.tasks.internal.Task"));
        assertEquals(Set.of(), ApplicationWideModules.featureUsesOf(model, "drafts"),
                "another listener, a @Version base, an own Auditable");
    }

    /**
     * contacts alone runs its audited entity without @EnableJpaAuditing, and crm.Nightly without @EnableScheduling:
     * refused for both; so are tickets alone and tasks alone, for auditing used through Auditable and the auditing
     * listener; notes and drafts alone use no auditing, so only the root class's @Scheduled refuses them.
     */
    @Test
    void auditingBlocksWhereUsedAndARootClassNeedsItsSwitchInEveryService() {
        String ops = "would run without module ops, whose classes configure the whole application:"
                + " crm.ops.internal.OpsConfig (@EnableScheduling, which @Scheduled in classes outside every module"
                + " needs): Spring applies them to every module, so the service would run without them, on Spring Boot's"
                + " defaults: make ops a module every service runs, @Modulithic(sharedModules = \"ops\") on"
                + " crm.CrmApplication, or move these classes into crm, outside every module";
        assertEquals(List.of("Module 'contacts' alone would run without module audit, whose classes configure the whole"
                + " application: crm.audit.internal.AuditConfig (@EnableJpaAuditing, which @CreatedDate in module contacts"
                + " needs): Spring applies them to every module, so the service would run without them, on Spring Boot's"
                + " defaults: make audit a module every service runs, @Modulithic(sharedModules = \"audit\") on"
                + " crm.CrmApplication, or move these classes into crm, outside every module",
                "Module 'contacts' alone " + ops), blockedBy("contacts", "contacts"));
        List<String> tickets = blockedBy("tickets", "tickets");
        assertEquals(List.of("audit", "ops"), tickets.stream().map(line -> line.replaceAll(".* without module (\\w+),.*", "$1"))
                .toList(), tickets.toString());
        assertTrue(tickets.get(0).contains("crm.audit.internal.AuditConfig (@EnableJpaAuditing, which @CreatedDate in"
                + " module tickets and Auditable in module tickets need)"), tickets.get(0));
        List<String> tasks = blockedBy("tasks", "tasks");
        assertEquals(2, tasks.size(), tasks.toString());
        assertTrue(tasks.get(0).startsWith("Module 'tasks' alone would run without module audit, whose classes configure"
                + " the whole application: crm.audit.internal.AuditConfig (@EnableJpaAuditing, which"
                + " @EntityListeners(AuditingEntityListener) in module tasks needs)"), tasks.get(0));
        assertEquals(List.of("Module 'notes' alone " + ops), blockedBy("notes", "notes"));
        assertEquals(List.of("Module 'drafts' alone " + ops), blockedBy("drafts", "drafts"));
    }

    /**
     * A service that holds a feature switch: audit with contacts, tickets and tasks, its only users, keeps auditing
     * where it is used (refused only for leaving ops out); audit alone, or ops with notes, takes the switch from the
     * monolith, which runs those users, or crm.Nightly, without it.
     */
    @Test
    void aServiceThatHoldsASwitchIsRefusedWhenAProcessWithoutItUsesIt() {
        List<String> users = blockedBy("people", "audit", "contacts", "tasks", "tickets");
        assertEquals(1, users.size(), users.toString());
        assertTrue(users.get(0).startsWith("Service 'people' would run without module ops,"), users.get(0));

        List<String> audit = blockedBy("audit", "audit");
        assertTrue(audit.contains("Module 'audit' alone would take module audit out of the monolith and every other"
                + " service, and its classes configure the whole application: crm.audit.internal.AuditConfig"
                + " (@EnableJpaAuditing, which @CreatedDate in module contacts, module tickets and Auditable in module"
                + " tickets and @EntityListeners(AuditingEntityListener) in module tasks need): Spring applies them to"
                + " every module, so those processes would run without them, on Spring Boot's defaults: make audit a"
                + " module every service runs, @Modulithic(sharedModules = \"audit\") on crm.CrmApplication, or move"
                + " these classes into crm, outside every module"), audit.toString());
        List<String> withoutTasks = blockedBy("people", "audit", "contacts", "tickets");
        assertTrue(withoutTasks.stream().anyMatch(line -> line.startsWith("Service 'people' would take module audit out of"
                + " the monolith") && line.contains("(@EnableJpaAuditing, which @EntityListeners(AuditingEntityListener)"
                + " in module tasks needs)")), withoutTasks.toString());

        List<String> ops = blockedBy("back", "notes", "ops");
        assertEquals(1, ops.size(), ops.toString());
        assertTrue(ops.get(0).startsWith("Service 'back' would take module ops out of the monolith and every other"
                + " service, and its classes configure the whole application: crm.ops.internal.OpsConfig (@EnableScheduling,"
                + " which @Scheduled in classes outside every module needs)"), ops.get(0));
        assertEquals(List.of(), Planner.plan(model, artifacts, new ServiceRequest("crm", EVERY_MODULE, true)).blockers()
                .stream().filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).toList(), "the monolith is never refused");
    }

    /**
     * A service of every module (a second monolith) builds: ops' @EnableScheduling, which crm.Nightly outside every
     * module needs, runs in it with crm.Nightly, and the monolith it leaves runs no ordinary module (it is not
     * deployed), so no process runs crm.Nightly without the switch; one module short, it is refused again.
     */
    @Test
    void aServiceOfEveryModuleIsNotRefusedForTheSwitchARootClassUses() {
        assertEquals(List.of(), blockedBy("all", EVERY_MODULE.toArray(String[]::new)));
        List<String> allButDrafts = EVERY_MODULE.stream().filter(module -> !module.equals("drafts")).toList();
        List<String> refused = blockedBy("most", allButDrafts.toArray(String[]::new));
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("Service 'most' would take module ops out of the monolith and every other"
                + " service"), refused.get(0));
    }
}
