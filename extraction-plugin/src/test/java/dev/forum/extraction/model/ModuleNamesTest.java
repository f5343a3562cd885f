package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A module's name is refused only where it names a service, a route or a resource, with the package to rename it to. */
class ModuleNamesTest {

    @Test
    void lowerCaseLettersDigitsAndDashesAreValid() {
        assertTrue(ModuleNames.valid("books"));
        assertTrue(ModuleNames.valid("content-api2"));
        assertFalse(ModuleNames.valid("readingClub"));
        assertFalse(ModuleNames.valid("reading_club"));
        assertFalse(ModuleNames.valid("_club"));
    }

    @Test
    void theSuggestionIsAJavaPackageName() {
        assertEquals("readingclub", ModuleNames.suggestion("readingClub"));
        assertEquals("readingclub", ModuleNames.suggestion("reading_club"));
        assertEquals("club2", ModuleNames.suggestion("_Club2"));
    }

    @Test
    void theProblemIsOneLineSayingWhatToRename() {
        assertEquals(Optional.empty(), ModuleNames.problem("books", "a service of its own", "x"));
        assertEquals(Optional.of("Module 'readingClub' cannot be a service of its own as it is: its name is not a valid"
                + " route or resource name (lower-case letters, digits and '-': the service, the load balancer's rules and"
                + " the deployment's resources are named after it): rename its package to readingclub (it runs in the"
                + " monolith as it is)"), ModuleNames.problem("readingClub", "a service of its own",
                "it runs in the monolith as it is"));
    }

    @Test
    void aServiceOfItsOwnIsBlockedForEachSuchModule() {
        List<Blocker> blockers = ModuleNames.blockers(List.of("books", "readingClub"));
        assertEquals(List.of(Blocker.Kind.MODULE_NAME), blockers.stream().map(Blocker::kind).toList());
        assertEquals("readingClub", blockers.get(0).sourceModule());
    }
}
