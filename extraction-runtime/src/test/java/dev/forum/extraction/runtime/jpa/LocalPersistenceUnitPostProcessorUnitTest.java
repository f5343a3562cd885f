package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.orm.jpa.persistenceunit.DefaultPersistenceUnitManager;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;
import org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor;

/**
 * A unit's classes and packages after filtering, its other settings kept; a persistence unit manager's own
 * post-processors kept before the filter.
 */
class LocalPersistenceUnitPostProcessorUnitTest {

    private static final String PATIENTS = Patient.class.getPackageName();
    private static final String VISITS = Visit.class.getPackageName();

    private final ObjectProvider<Topology> topology;
    private final LocalPersistenceUnitPostProcessor postProcessor;

    LocalPersistenceUnitPostProcessorUnitTest() throws IOException {
        topology = new StaticListableBeanFactory(Map.of("topology", RemoteEntityMappingsUnitTest.patientsRemote()))
                .getBeanProvider(Topology.class);
        postProcessor = new LocalPersistenceUnitPostProcessor(topology, getClass().getClassLoader(), "entity manager factory 'clinic'",
                Map.of(), BuiltUnit.every());
    }

    private static MutablePersistenceUnitInfo unit(String... packages) {
        MutablePersistenceUnitInfo unit = new MutablePersistenceUnitInfo();
        unit.setPersistenceUnitName("clinic");
        unit.setExcludeUnlistedClasses(true); // as Spring's units from packagesToScan have it
        for (String managedPackage : packages) {
            unit.addManagedPackage(managedPackage);
        }
        return unit;
    }

    @Test
    void aRemoteModulesClassesAndPackagesAreLeftOutAndTheRestIsKept() throws IOException {
        URL root = URI.create("file:/app/classes/").toURL();
        MutablePersistenceUnitInfo unit = unit(VISITS, PATIENTS);
        unit.setPersistenceUnitRootUrl(root);
        unit.addManagedClassName(Patient.class.getName());
        unit.addManagedClassName(Visit.class.getName());
        unit.addMappingFileName("META-INF/orm.xml");
        postProcessor.postProcessPersistenceUnitInfo(unit);
        assertThat(unit.getManagedClassNames()).containsExactly(Visit.class.getName());
        assertThat(unit.getManagedPackages()).containsExactly(VISITS);
        assertThat(unit.getPersistenceUnitRootUrl()).isEqualTo(root);
        assertThat(unit.getMappingFileNames()).containsExactly("META-INF/orm.xml");
    }

    @Test
    void aRemotePackageAloneIsLeftOut() {
        MutablePersistenceUnitInfo unit = unit(PATIENTS, VISITS);
        unit.addManagedClassName(Visit.class.getName());
        postProcessor.postProcessPersistenceUnitInfo(unit);
        assertThat(unit.getManagedClassNames()).containsExactly(Visit.class.getName());
        assertThat(unit.getManagedPackages()).containsExactly(VISITS);
    }

    @Test
    void aPersistenceUnitManagersOwnPostProcessorsAreKeptAndTheFilterRunsLastOnce() {
        PersistenceUnitPostProcessor own = unit -> unit.addManagedClassName(Patient.class.getName());
        DefaultPersistenceUnitManager manager = new DefaultPersistenceUnitManager();
        manager.setPersistenceUnitPostProcessors(own);
        LocalPersistenceUnitBeanPostProcessor beanPostProcessor = new LocalPersistenceUnitBeanPostProcessor(topology);
        beanPostProcessor.postProcessBeforeInitialization(manager, "units");
        beanPostProcessor.postProcessBeforeInitialization(manager, "units");
        PersistenceUnitPostProcessor[] all = manager.getPersistenceUnitPostProcessors();
        assertThat(all).hasSize(2);
        assertThat(all[0]).isSameAs(own);
        assertThat(all[1]).isInstanceOf(LocalPersistenceUnitPostProcessor.class);
    }
}
