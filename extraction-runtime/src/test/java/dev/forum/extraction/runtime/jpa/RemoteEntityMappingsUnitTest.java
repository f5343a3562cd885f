package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.jpa.fixture.claims.Billed;
import dev.forum.extraction.runtime.jpa.fixture.claims.Claim;
import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A local entity's mapping of a remote module's entity, found through type arguments and mapped superclasses. */
class RemoteEntityMappingsUnitTest {

    private final RemoteEntityMappings mappings;

    RemoteEntityMappingsUnitTest() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader("""
                format=1
                modules=patients,visits,claims
                module.patients.packages=dev.forum.extraction.runtime.jpa.fixture.patients
                module.visits.packages=dev.forum.extraction.runtime.jpa.fixture.visits
                module.claims.packages=dev.forum.extraction.runtime.jpa.fixture.claims
                """));
        Topology patientsRemote = Topology.resolve(new TopologySettings(Set.of("visits", "claims"), null, Map.of(),
                Duration.ofMillis(250), Duration.ofMillis(800)), ModuleMetadata.parse(properties, "test"));
        mappings = new RemoteEntityMappings(patientsRemote, List.of(Patient.class.getName()), getClass().getClassLoader());
    }

    @Test
    void aCollectionOfARemoteEntityInAMappedSuperclassIsRefused() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of(Visit.class.getName(), Claim.class.getName())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Entity " + Claim.class.getName() + " maps " + Patient.class.getName() + ", an entity of module"
                        + " 'patients', which is remote here (field 'covered', declared in " + Billed.class.getName() + "):"
                        + " refer to it by id and read it through the HTTP contract of patients, or run patients here too"
                        + " (extraction.topology.local-modules)");
    }

    @Test
    void anIdOrATransientFieldIsNoMapping() {
        assertThatCode(() -> mappings.refuseIn(List.of(Visit.class.getName()))).doesNotThrowAnyException();
    }
}
