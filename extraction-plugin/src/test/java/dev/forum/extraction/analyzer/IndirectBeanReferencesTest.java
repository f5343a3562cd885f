package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** A bean of another module injected through a holder is a bean reference, as a plain parameter of its type is. */
class IndirectBeanReferencesTest {

    /** The other module's bean. */
    interface SlaPolicy {
    }

    /** The other module's second bean. */
    interface Escalation {
    }

    /** A type of the module itself. */
    interface OwnHelper {
    }

    @Service
    static class ThroughProvider {
        ThroughProvider(ObjectProvider<SlaPolicy> sla, ObjectProvider<OwnHelper> own, String name) {
        }
    }

    @Component
    static class ThroughFieldsAndCollections {
        @Autowired
        Optional<SlaPolicy> sla;
        @Autowired
        Map<String, Escalation> byName;
        List<Escalation> notInjected;
    }

    @Configuration
    static class ThroughBeanMethod {
        @Bean
        String report(ObjectProvider<List<Escalation>> escalations) {
            return "";
        }
    }

    /** Not a Spring component: nothing Spring injects. */
    static class PlainClass {
        PlainClass(ObjectProvider<SlaPolicy> sla) {
        }
    }

    @Test
    void providersOptionalsCollectionsAndBeanMethodParametersOfAnotherModulesTypeAreBeanReferences() {
        JavaClasses classes = new ClassFileImporter().importClasses(ThroughProvider.class, ThroughFieldsAndCollections.class,
                ThroughBeanMethod.class, PlainClass.class, SlaPolicy.class, Escalation.class, OwnHelper.class);
        List<JavaClass> module = List.of(classes.get(ThroughProvider.class), classes.get(ThroughFieldsAndCollections.class),
                classes.get(ThroughBeanMethod.class), classes.get(PlainClass.class));

        List<Map<String, Object>> found = IndirectBeanReferences.of(module, "tickets", type -> switch (type.getSimpleName()) {
            case "SlaPolicy", "Escalation" -> Optional.of("sla");
            case "OwnHelper" -> Optional.of("tickets");
            default -> Optional.empty();
        });

        String prefix = IndirectBeanReferencesTest.class.getName() + "$";
        assertEquals(4, found.size(), found::toString);
        assertEquals(Set.of(
                reference(prefix + "ThroughProvider", prefix + "SlaPolicy"),
                reference(prefix + "ThroughFieldsAndCollections", prefix + "SlaPolicy"),
                reference(prefix + "ThroughFieldsAndCollections", prefix + "Escalation"),
                reference(prefix + "ThroughBeanMethod", prefix + "Escalation")), Set.copyOf(found));
    }

    private static Map<String, Object> reference(String source, String target) {
        return Map.of("type", "USES_COMPONENT", "source", source, "target", target, "module", "sla");
    }
}
