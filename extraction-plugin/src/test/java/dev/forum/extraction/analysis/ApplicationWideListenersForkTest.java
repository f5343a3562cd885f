package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ApplicationWide;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.scan.BytecodeScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where JPA's {@code @EntityListeners} naming Spring Data JPA's {@code AuditingEntityListener} may sit, read by the
 * analyzer in its own JVM from one compiled application, {@code crm} ({@link ApplicationWideUsersForkTest}'s
 * fixtures: Spring Data's types are stand-ins in a library jar): {@code audit} turns on {@code @EnableJpaAuditing};
 * {@code orders}' entity extends its own module's {@code @MappedSuperclass}, which names the listener; {@code invoices}'
 * extends a library's {@code @MappedSuperclass} that does; {@code legacy}'s names it in the older Java Persistence's
 * {@code javax.persistence.EntityListeners} (a stand-in in the library jar, as an application on the old API has it);
 * {@code plain}'s extends a {@code @MappedSuperclass} whose listener is another one.
 */
class ApplicationWideListenersForkTest {

    private static final String CONFIGURATION = "@org.springframework.context.annotation.Configuration ";
    private static final String ENTITY = "@jakarta.persistence.Entity ";
    private static final String MAPPED_SUPERCLASS = "@jakarta.persistence.MappedSuperclass ";
    private static final String LISTENER = "org.springframework.data.jpa.domain.support.AuditingEntityListener";

    @TempDir
    static Path dir;

    private static ModulithModel model;
    private static List<ScannedArtifact> artifacts;

    /** The library's classes: Spring Data's and the old JPA's stand-ins, a company's base entity; path to text. */
    private static Map<String, String> library() {
        Map<String, String> sources = new HashMap<>();
        sources.put("org/springframework/data/jpa/repository/config/EnableJpaAuditing.java",
                "package org.springframework.data.jpa.repository.config;"
                        + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                        + " public @interface EnableJpaAuditing {}");
        sources.put("org/springframework/data/jpa/domain/support/AuditingEntityListener.java",
                "package org.springframework.data.jpa.domain.support; public class AuditingEntityListener {}");
        sources.put("javax/persistence/EntityListeners.java", "package javax.persistence;"
                + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                + " @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)"
                + " public @interface EntityListeners { Class[] value(); }");
        sources.put("com/acme/persistence/ListenedEntity.java", "package com.acme.persistence; " + MAPPED_SUPERCLASS
                + "@jakarta.persistence.EntityListeners(" + LISTENER + ".class) public abstract class ListenedEntity {}");
        sources.put("com/acme/persistence/ChangeListener.java", "package com.acme.persistence; public class ChangeListener {}");
        return sources;
    }

    @BeforeAll
    static void analyse() throws Exception {
        Map<String, String> sources = new HashMap<>(library());
        sources.put("crm/CrmApplication.java", "package crm; @org.springframework.modulith.Modulithic public class CrmApplication {}");
        sources.put("crm/audit/internal/AuditConfig.java", "package crm.audit.internal; " + CONFIGURATION
                + "@org.springframework.data.jpa.repository.config.EnableJpaAuditing class AuditConfig {}");
        sources.put("crm/orders/internal/Stamped.java", "package crm.orders.internal; " + MAPPED_SUPERCLASS
                + "@jakarta.persistence.EntityListeners(" + LISTENER + ".class) abstract class Stamped {}");
        sources.put("crm/orders/internal/Order.java", "package crm.orders.internal; " + ENTITY
                + "class Order extends Stamped { @jakarta.persistence.Id Long id; }");
        sources.put("crm/invoices/internal/Invoice.java", "package crm.invoices.internal; " + ENTITY
                + "class Invoice extends com.acme.persistence.ListenedEntity { @jakarta.persistence.Id Long id; }");
        sources.put("crm/legacy/internal/Ledger.java", "package crm.legacy.internal; @javax.persistence.EntityListeners("
                + LISTENER + ".class) class Ledger { Long id; }");
        sources.put("crm/plain/internal/Watched.java", "package crm.plain.internal; " + MAPPED_SUPERCLASS
                + "@jakarta.persistence.EntityListeners(com.acme.persistence.ChangeListener.class) abstract class Watched {}");
        sources.put("crm/plain/internal/Note.java", "package crm.plain.internal; " + ENTITY
                + "class Note extends Watched { @jakarta.persistence.Id Long id; }");
        Path classes = AnalyzedApplication.compile(dir, sources);
        Path jar = ApplicationWideUsersForkTest.libraryJar(classes, dir.resolve("acme-persistence.jar"));
        AnalysisFork.Request request = AnalyzedApplication.request(dir, classes, "crm.CrmApplication");
        List<Path> classpath = new ArrayList<>(request.classpath());
        classpath.add(1, jar);
        model = AnalysisFork.run(new AnalysisFork.Request(request.java(), classpath, request.mainClass(),
                request.routeAnnotation(), request.workDirectory(), request.timeout()));
        artifacts = List.of(new BytecodeScanner().scan("crm (classes)", classes));
    }

    /**
     * The listener counts on the class, on its own module's mapped superclass, on a library's, and in the javax name;
     * another listener on a mapped superclass is no auditing.
     */
    @Test
    void theAnalyzerReadsTheAuditingListenerOnMappedSuperclassesAndUnderTheJavaxName() {
        Map<String, List<String>> uses = model.applicationWide().featureUses();
        List<String> listener = List.of(ApplicationWide.AUDITING_ENTITY_LISTENER);
        assertEquals(listener, uses.get("crm.orders.internal.Order"), "its module's @MappedSuperclass");
        assertEquals(listener, uses.get("crm.orders.internal.Stamped"), "the superclass itself");
        assertEquals(listener, uses.get("crm.invoices.internal.Invoice"), "a library's @MappedSuperclass");
        assertEquals(listener, uses.get("crm.legacy.internal.Ledger"), "javax.persistence.EntityListeners");
        assertEquals(Set.of(), ApplicationWideModules.featureUsesOf(model, "plain"), "another listener");
        assertEquals(Set.of(ApplicationWide.AUDITING_ENTITY_LISTENER), ApplicationWideModules.featureUsesOf(model, "legacy"));
    }

    /** Each module that audits through the listener alone would run without audit's switch: refused, naming the use. */
    @Test
    void eachListeningModuleAloneIsRefusedForRunningWithoutTheAuditingSwitch() {
        for (String module : List.of("orders", "invoices", "legacy")) {
            List<String> blocked = Planner.plan(model, artifacts, new ServiceRequest(module, List.of(module))).blockers()
                    .stream().filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).map(Blocker::message).toList();
            assertEquals(1, blocked.size(), blocked.toString());
            assertTrue(blocked.get(0).startsWith("Module '" + module + "' alone would run without module audit, whose"
                    + " classes configure the whole application: crm.audit.internal.AuditConfig (@EnableJpaAuditing, which"
                    + " @EntityListeners(AuditingEntityListener) in module " + module + " needs)"), blocked.get(0));
        }
        assertEquals(List.of(), Planner.plan(model, artifacts, new ServiceRequest("plain", List.of("plain"))).blockers()
                .stream().filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).toList());
    }
}
