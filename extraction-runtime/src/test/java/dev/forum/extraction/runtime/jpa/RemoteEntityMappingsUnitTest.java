package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.jpa.fixture.billing.Invoice;
import dev.forum.extraction.runtime.jpa.fixture.claims.Billed;
import dev.forum.extraction.runtime.jpa.fixture.claims.Claim;
import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.jpa.fixture.wards.Inpatient;
import dev.forum.extraction.runtime.jpa.fixture.wards.Referral;
import dev.forum.extraction.runtime.jpa.fixture.wards.Roster;
import dev.forum.extraction.runtime.jpa.fixture.wards.Rota;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A local managed class's mapping of a remote module's managed class, found through type arguments, arrays, relation
 * targets, mapped superclasses and a remote superclass; a local class that cannot load.
 */
class RemoteEntityMappingsUnitTest {

    /** Module patients remote, every other module local. */
    static Topology patientsRemote() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader("""
                format=1
                modules=patients,visits,claims,wards,billing
                module.patients.packages=dev.forum.extraction.runtime.jpa.fixture.patients
                module.visits.packages=dev.forum.extraction.runtime.jpa.fixture.visits
                module.claims.packages=dev.forum.extraction.runtime.jpa.fixture.claims
                module.wards.packages=dev.forum.extraction.runtime.jpa.fixture.wards
                module.billing.packages=dev.forum.extraction.runtime.jpa.fixture.billing
                """));
        return Topology.resolve(new TopologySettings(Set.of("visits", "claims", "wards", "billing"), null, Map.of(),
                Duration.ofMillis(250), Duration.ofMillis(800)), ModuleMetadata.parse(properties, "test"));
    }

    private final RemoteEntityMappings mappings;

    RemoteEntityMappingsUnitTest() throws IOException {
        mappings = new RemoteEntityMappings(patientsRemote(), List.of(Patient.class.getName()), getClass().getClassLoader());
    }

    private static String refusal(Class<?> managed, String verb, String where) {
        return "Managed class " + managed.getName() + " " + verb + " " + Patient.class.getName() + ", a managed class of"
                + " module 'patients', which is remote here" + where + ": refer to it by id and read it through the HTTP"
                + " contract of patients, or run patients here too (extraction.topology.local-modules)";
    }

    @Test
    void aCollectionOfARemoteEntityInAMappedSuperclassIsRefused() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of(Visit.class.getName(), Claim.class.getName())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage(refusal(Claim.class, "maps", " (field 'covered', declared in " + Billed.class.getName() + ")"));
    }

    @Test
    void anIdOrATransientFieldIsNoMapping() {
        assertThatCode(() -> mappings.refuseIn(List.of(Visit.class.getName()))).doesNotThrowAnyException();
    }

    @Test
    void anEntityThatExtendsARemoteEntityIsRefused() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of(Inpatient.class.getName())))
                .isInstanceOf(InvalidTopologyException.class).hasMessage(refusal(Inpatient.class, "extends", ""));
    }

    @Test
    void aRelationWhoseTargetEntityIsRemoteIsRefused() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of(Referral.class.getName())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage(refusal(Referral.class, "maps", " (field 'referred')"));
    }

    @Test
    void anElementCollectionWhoseTargetClassIsRemoteIsRefused() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of(Roster.class.getName())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage(refusal(Roster.class, "maps", " (field 'onCall')"));
    }

    @Test
    void anArrayOfArraysOfARemoteEntityIsRefused() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of(Rota.class.getName())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage(refusal(Rota.class, "maps", " (field 'shifts')"));
    }

    @Test
    void aManagedClassThatIsNotOnTheClassPathIsRefusedInOneLine() {
        assertThatThrownBy(() -> mappings.refuseIn(List.of("dev.forum.extraction.runtime.jpa.fixture.wards.Gone")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Managed class dev.forum.extraction.runtime.jpa.fixture.wards.Gone of the persistence unit"
                        + " cannot be loaded (class dev.forum.extraction.runtime.jpa.fixture.wards.Gone not found): add the"
                        + " jar that holds it to this service, or leave dev.forum.extraction.runtime.jpa.fixture.wards.Gone"
                        + " out of the persistence unit");
    }

    @Test
    void aManagedClassWhoseFieldTypeIsMissingIsRefusedInOneLine() throws IOException {
        ClassLoader withoutPatient = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Patient.class.getName())) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return name.equals(Patient.class.getName().replace('.', '/') + ".class") ? null : super.getResource(name);
            }
        };
        RemoteEntityMappings missing = new RemoteEntityMappings(patientsRemote(), List.of(), withoutPatient);
        assertThatThrownBy(() -> missing.refuseIn(List.of(Invoice.class.getName())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Managed class " + Invoice.class.getName() + " of the persistence unit cannot be loaded (class "
                        + Patient.class.getName() + " not found): add the jar that holds it to this service, or leave "
                        + Invoice.class.getName() + " out of the persistence unit");
    }
}
