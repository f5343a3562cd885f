package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.StringUtils;

/** The managed types' packages and root URL after filtering; the warning for a factory that no filter reached. */
@ExtendWith(OutputCaptureExtension.class)
class LocalManagedTypesPostProcessorUnitTest {

    private static final String PATIENTS = Patient.class.getPackageName();
    private static final String VISITS = Visit.class.getPackageName();

    private final LocalManagedTypesPostProcessor postProcessor;

    LocalManagedTypesPostProcessorUnitTest() throws IOException {
        Topology topology = RemoteEntityMappingsUnitTest.patientsRemote();
        postProcessor = new LocalManagedTypesPostProcessor(
                new StaticListableBeanFactory(Map.of("topology", topology)).getBeanProvider(Topology.class));
    }

    /** Scanned types with the given classes and packages, from a root URL. */
    private static PersistenceManagedTypes scanned(URL root, List<String> classes, List<String> packages) {
        return new PersistenceManagedTypes() {
            @Override
            public List<String> getManagedClassNames() {
                return classes;
            }

            @Override
            public List<String> getManagedPackages() {
                return packages;
            }

            @Override
            public URL getPersistenceUnitRootUrl() {
                return root;
            }
        };
    }

    @Test
    void aRemoteModulesPackagesAreLeftOutAndTheRootUrlIsKept() throws IOException {
        URL root = URI.create("file:/app/classes/").toURL();
        PersistenceManagedTypes types = scanned(root, List.of(Visit.class.getName(), Patient.class.getName()),
                List.of(VISITS, PATIENTS));
        PersistenceManagedTypes local = (PersistenceManagedTypes) postProcessor.postProcessAfterInitialization(types, "types");
        assertThat(local.getManagedClassNames()).containsExactly(Visit.class.getName());
        assertThat(local.getManagedPackages()).containsExactly(VISITS);
        assertThat(local.getPersistenceUnitRootUrl()).isEqualTo(root);
    }

    @Test
    void aRemotePackageAloneIsLeftOut() {
        PersistenceManagedTypes types = scanned(null, List.of(Visit.class.getName()), List.of(PATIENTS, VISITS));
        PersistenceManagedTypes local = (PersistenceManagedTypes) postProcessor.postProcessAfterInitialization(types, "types");
        assertThat(local.getManagedClassNames()).containsExactly(Visit.class.getName());
        assertThat(local.getManagedPackages()).containsExactly(VISITS);
    }

    @Test
    void anEntityManagerFactoryThatNoFilterReachedIsWarnedOfOnce(CapturedOutput output) {
        LocalContainerEntityManagerFactoryBean own = new LocalContainerEntityManagerFactoryBean();
        assertThat(postProcessor.postProcessAfterInitialization(own, "entityManagerFactory")).isSameAs(own);
        postProcessor.postProcessAfterInitialization(own, "entityManagerFactory");
        String warning = "Entity manager factory 'entityManagerFactory' is the application's own, not built from a"
                + " PersistenceManagedTypes bean: its persistence unit still holds the managed classes of remote modules"
                + " [patients]; build it with setManagedTypes(PersistenceManagedTypes) or scan the local modules' packages only";
        assertThat(StringUtils.countOccurrencesOf(output.getAll(), warning)).isOne();
    }

    @Test
    void anEntityManagerFactoryBuiltFromFilteredTypesIsNotWarnedOf(CapturedOutput output) {
        postProcessor.postProcessAfterInitialization(scanned(null, List.of(Visit.class.getName()), List.of()), "types");
        postProcessor.postProcessAfterInitialization(new LocalContainerEntityManagerFactoryBean(), "entityManagerFactory");
        assertThat(output).doesNotContain("Entity manager factory");
    }
}
