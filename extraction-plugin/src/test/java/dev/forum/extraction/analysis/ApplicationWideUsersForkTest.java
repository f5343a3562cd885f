package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ApplicationWide.Effect;
import dev.forum.extraction.model.ApplicationWide.Setting;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.scan.BytecodeScanner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who uses a feature switch, read by the analyzer in its own JVM from one compiled application, {@code crm}:
 * {@code audit} turns on {@code @EnableJpaAuditing}, which the {@code @CreatedDate} field of {@code contacts}' entity
 * needs; {@code ops} turns on {@code @EnableScheduling}, which {@code crm.Nightly}, a class outside every module (held
 * by every process), needs; {@code notes} has a controller only. Spring Data's annotations are stand-ins of the same
 * names compiled with the application (Spring Data is not on the test class path).
 */
class ApplicationWideUsersForkTest {

    private static final String CONFIGURATION = "@org.springframework.context.annotation.Configuration ";
    private static final String AUDIT = "org.springframework.data.annotation.";
    private static final String SCHEDULING = "org.springframework.scheduling.annotation.";

    @TempDir
    static Path dir;

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

    @BeforeAll
    static void analyse() throws Exception {
        Map<String, String> sources = new HashMap<>();
        sources.put("org/springframework/data/annotation/CreatedDate.java",
                annotation("org.springframework.data.annotation", "CreatedDate", "FIELD"));
        sources.put("org/springframework/data/jpa/repository/config/EnableJpaAuditing.java",
                annotation("org.springframework.data.jpa.repository.config", "EnableJpaAuditing", "TYPE"));
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
        sources.put("crm/contacts/internal/Contact.java", "package crm.contacts.internal; @jakarta.persistence.Entity"
                + " class Contact { @jakarta.persistence.Id Long id; @" + AUDIT + "CreatedDate java.time.Instant created; }");
        sources.put("crm/notes/NotesController.java", controller("notes", "NotesController"));
        Path classes = AnalyzedApplication.compile(dir, sources);
        model = AnalysisFork.run(AnalyzedApplication.request(dir, classes, "crm.CrmApplication"));
        artifacts = List.of(new BytecodeScanner().scan("crm (classes)", classes));
    }

    private static List<String> blockedBy(String name, String... modules) {
        return Planner.plan(model, artifacts, new ServiceRequest(name, List.of(modules))).blockers().stream()
                .filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).map(Blocker::message).toList();
    }

    /** The analyzer takes the auditing switch for a feature switch and reads a field's @CreatedDate and a root class's @Scheduled. */
    @Test
    void theAnalyzerReadsAuditingAndTheUsesOutsideEveryModule() {
        assertEquals(Map.of("crm.audit.internal.AuditConfig", List.of(new Setting("@EnableJpaAuditing", Effect.ENABLES,
                List.of(AUDIT + "CreatedBy", AUDIT + "CreatedDate", AUDIT + "LastModifiedBy", AUDIT + "LastModifiedDate")))),
                ApplicationWideModules.classesOf(model, "audit"));
        assertEquals(Set.of(AUDIT + "CreatedDate"), ApplicationWideModules.featureUsesOf(model, "contacts"));
        assertEquals(Set.of(SCHEDULING + "Scheduled"), ApplicationWideModules.featureUsesOf(model, ""));
        assertEquals(Set.of(), ApplicationWideModules.featureUsesOf(model, "notes"));
    }

    /**
     * contacts alone runs its audited entity without @EnableJpaAuditing, and crm.Nightly without @EnableScheduling:
     * refused for both; notes alone uses no auditing, so only the root class's @Scheduled refuses it.
     */
    @Test
    void auditingBlocksWhereUsedAndARootClassNeedsItsSwitchInEveryService() {
        assertEquals(List.of("Module 'contacts' alone would run without module audit, whose classes configure the whole"
                + " application: crm.audit.internal.AuditConfig (@EnableJpaAuditing, which @CreatedDate in module contacts"
                + " needs): Spring applies them to every module, so the service would run without them, on Spring Boot's"
                + " defaults: make audit a module every service runs, @Modulithic(sharedModules = \"audit\") on"
                + " crm.CrmApplication, or move these classes into crm, outside every module",
                "Module 'contacts' alone would run without module ops, whose classes configure the whole application:"
                + " crm.ops.internal.OpsConfig (@EnableScheduling, which @Scheduled in classes outside every module"
                + " needs): Spring applies them to every module, so the service would run without them, on Spring Boot's"
                + " defaults: make ops a module every service runs, @Modulithic(sharedModules = \"ops\") on"
                + " crm.CrmApplication, or move these classes into crm, outside every module"), blockedBy("contacts", "contacts"));
        List<String> notes = blockedBy("notes", "notes");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("Module 'notes' alone would run without module ops,"), notes.get(0));
    }

    /**
     * A service that holds a feature switch: audit with contacts, its only user, keeps auditing where it is used
     * (refused only for leaving ops out); audit alone, or ops with notes, takes the switch from the monolith, which
     * runs contacts, or crm.Nightly, without it.
     */
    @Test
    void aServiceThatHoldsASwitchIsRefusedWhenAProcessWithoutItUsesIt() {
        List<String> both = blockedBy("people", "audit", "contacts");
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).startsWith("Service 'people' would run without module ops,"), both.get(0));

        List<String> audit = blockedBy("audit", "audit");
        assertTrue(audit.contains("Module 'audit' alone would take module audit out of the monolith and every other"
                + " service, and its classes configure the whole application: crm.audit.internal.AuditConfig"
                + " (@EnableJpaAuditing, which @CreatedDate in module contacts needs): Spring applies them to every"
                + " module, so those processes would run without them, on Spring Boot's defaults: make audit a module"
                + " every service runs, @Modulithic(sharedModules = \"audit\") on crm.CrmApplication, or move these"
                + " classes into crm, outside every module"), audit.toString());

        List<String> ops = blockedBy("back", "notes", "ops");
        assertEquals(1, ops.size(), ops.toString());
        assertTrue(ops.get(0).startsWith("Service 'back' would take module ops out of the monolith and every other"
                + " service, and its classes configure the whole application: crm.ops.internal.OpsConfig (@EnableScheduling,"
                + " which @Scheduled in classes outside every module needs)"), ops.get(0));
        assertEquals(List.of(), Planner.plan(model, artifacts, new ServiceRequest("crm",
                List.of("audit", "contacts", "notes", "ops"), true)).blockers().stream()
                .filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).toList(), "the monolith is never refused");
    }
}
