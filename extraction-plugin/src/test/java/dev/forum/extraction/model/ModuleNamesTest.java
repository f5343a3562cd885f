package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A module's name is refused only where it names a service, a route or a resource, with the
 * {@code @ApplicationModule(id = ...)} to give it: camelCase names and the dotted names Spring Modulith gives nested and
 * deep modules alike.
 */
class ModuleNamesTest {

    @Test
    void lowerCaseLettersDigitsAndDashesAreValid() {
        assertTrue(ModuleNames.valid("books"));
        assertTrue(ModuleNames.valid("content-api2"));
        assertFalse(ModuleNames.valid("readingClub"));
        assertFalse(ModuleNames.valid("reading_club"));
        assertFalse(ModuleNames.valid("_club"));
        assertFalse(ModuleNames.valid("library.shelves"));
        assertFalse(ModuleNames.valid("admin.audit.exports"));
    }

    @Test
    void theSuggestionIsAnIdOfLowerCaseWordsJoinedByDashes() {
        assertEquals("reading-club", ModuleNames.suggestion("readingClub", List.of("books")));
        assertEquals("reading-club", ModuleNames.suggestion("reading_club", List.of()));
        assertEquals("club2", ModuleNames.suggestion("_Club2", List.of()));
        assertEquals("http-club", ModuleNames.suggestion("HTTPClub", List.of()));
    }

    @Test
    void aDottedNameSuggestsItsLastPartElseMoreOfItsPathNeverAnotherModulesName() {
        assertEquals("shelves", ModuleNames.suggestion("library.shelves", List.of("library", "loans")));
        assertEquals("library-shelves", ModuleNames.suggestion("library.shelves", List.of("library", "shelves")));
        assertEquals("audit-exports", ModuleNames.suggestion("admin.audit.exports", List.of("exports")));
        assertEquals("admin-audit-exports", ModuleNames.suggestion("admin.audit.exports", List.of("exports", "audit-exports")));
        assertEquals("library-shelves-2", ModuleNames.suggestion("library.shelves",
                List.of("shelves", "library-shelves")));
        assertEquals("store-reading-club", ModuleNames.suggestion("store.readingClub", List.of("reading-club")));
    }

    @Test
    void theProblemIsOneLineSayingWhichIdToGive() {
        assertEquals(Optional.empty(), ModuleNames.problem("books", List.of(), "a service of its own", "x"));
        assertEquals(Optional.of("Module 'readingClub' cannot be a service of its own as it is: its name is not a valid"
                + " route or resource name (lower-case letters, digits and '-': the service, the load balancer's rules and"
                + " the deployment's resources are named after it): name it reading-club with @ApplicationModule(id ="
                + " \"reading-club\") on its package-info.java, then use that name wherever the module is named"
                + " (allowedDependencies, a per-module migration folder) (it runs in the monolith as it is)"),
                ModuleNames.problem("readingClub", List.of("books", "readingClub"), "a service of its own",
                        "it runs in the monolith as it is"));
    }

    @Test
    void aDottedModulesProblemSuggestsAnIdNoOtherModuleHasButMayRepeatItsOwnName() {
        String line = ModuleNames.problem("library.shelves", List.of("library", "library.shelves", "shelves"),
                "a service of its own", "it runs in the monolith as it is").orElseThrow();
        assertTrue(line.startsWith("Module 'library.shelves' cannot be a service of its own as it is: "), line);
        assertTrue(line.contains(": name it library-shelves with @ApplicationModule(id = \"library-shelves\") on its"
                + " package-info.java"), line);
        assertFalse(line.contains("rename its package"), line);
    }

    @Test
    void aServiceOfItsOwnIsBlockedForEachSuchModule() {
        List<Blocker> blockers = ModuleNames.blockers(List.of("books", "readingClub", "library.shelves"),
                List.of("books", "readingClub", "library.shelves", "shelves"));
        assertEquals(List.of(Blocker.Kind.MODULE_NAME, Blocker.Kind.MODULE_NAME), blockers.stream().map(Blocker::kind).toList());
        assertEquals(List.of("readingClub", "library.shelves"), blockers.stream().map(Blocker::sourceModule).toList());
        assertTrue(blockers.get(1).message().contains("@ApplicationModule(id = \"library-shelves\")"),
                blockers.get(1).message());
    }
}
