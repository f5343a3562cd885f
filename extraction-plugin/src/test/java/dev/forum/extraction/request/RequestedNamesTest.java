package dev.forum.extraction.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.request.ExtractRequests.Requested;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names a build requests as typed: {@code -Dextract=a,b} and the {@code -Pextract=a,b} lists Maven splits into
 * profiles, each name once with its option; empty entries, mistyped {@code extract=} profiles and repeats refused.
 */
class RequestedNamesTest {

    /** The profiles the forum's POMs declare (forum-app's extract=... and one of another purpose). */
    private static final Set<String> DECLARED = Set.of("extract=users", "extract=threads", "extract=posts", "ci");

    @Test
    void nothingRequestedIsEmpty() {
        assertEquals(List.of(), names(null, List.of(), DECLARED));
        assertEquals(List.of(), names(" ", List.of("other-profile"), DECLARED));
    }

    @Test
    void propertyAndProfilesAreReadOnceEach() {
        // -Pextract=posts also sets extract=posts: the same name twice is one request.
        assertEquals(List.of("posts", "threads"),
                names("posts, threads", List.of("extract=posts", "ci"), DECLARED));
        assertEquals(List.of("users"), names(null, List.of("extract=users"), DECLARED));
    }

    @Test
    void aListAfterPextractIsReadWholeThoughMavenSplitsItIntoProfiles() {
        // -Pextract=posts,threads: Maven activates extract=posts (which sets the property) and asks for a profile 'threads'.
        assertEquals(List.of("posts", "threads"),
                names("posts", List.of("extract=posts", "threads"), DECLARED));
        assertEquals(List.of("threads"), RequestedNames.listContinuations(List.of("extract=posts", "threads"), DECLARED));
        // -Pextract=threads,posts,users
        assertEquals(List.of("threads", "posts", "users"),
                names("threads", List.of("extract=threads", "posts", "users"), DECLARED));
        // -Pextract=posts -Pextract=threads
        assertEquals(List.of("posts", "threads"),
                names("posts", List.of("extract=posts", "extract=threads"), DECLARED));
        // -Pextract=content,posts where content is a service of the topology file only (no profile declares it)
        assertEquals(List.of("content", "posts"),
                names(null, List.of("extract=content", "posts"), DECLARED));
    }

    @Test
    void aDeclaredProfileEndsTheListAndIsLeftToMaven() {
        // -Pextract=posts,ci,threads: ci is a real profile; threads after it is Maven's business (it warns), not a name.
        assertEquals(List.of("posts"), names("posts", List.of("extract=posts", "ci", "threads"), DECLARED));
        // -Pthreads,extract=posts: nothing before the list belongs to it.
        assertEquals(List.of("posts"), names("posts", List.of("threads", "extract=posts"), DECLARED));
    }

    @Test
    void eachNameKeepsTheOptionItWasWrittenIn() {
        assertEquals(List.of(new Requested("posts", "-Dextract=posts,thredas"), new Requested("thredas", "-Dextract=posts,thredas")),
                RequestedNames.of("posts,thredas", true, List.of("ci"), DECLARED));
        // Two -P lists (-Pextract=users -Pextract=postz,threads), each its own source.
        assertEquals(List.of(new Requested("users", "-Pextract=users"), new Requested("postz", "-Pextract=postz,threads"),
                        new Requested("threads", "-Pextract=postz,threads")),
                RequestedNames.of(null, false, List.of("extract=users", "extract=postz", "threads"), DECLARED));
    }

    @Test
    void aMistypedExtractProfileFailsSayingWhatToType() {
        for (String typo : List.of("extrac=posts", "extarct=posts", "Extract=posts", "exract=posts")) {
            var e = assertThrows(ExtractionException.class, () -> names(null, List.of(typo), DECLARED));
            assertEquals("Profile '" + typo + "' is not a profile of this build: to build a service type -Pextract=posts"
                    + " (or -Dextract=posts)", e.getMessage());
        }
        // Far from 'extract', or declared somewhere: not ours to judge.
        assertEquals(List.of(), names(null, List.of("env=dev"), DECLARED));
        assertEquals(List.of(), names(null, List.of("extras=1"), Set.of("extras=1")));
    }

    @Test
    void anEmptyEntryFails() {
        var e = assertThrows(ExtractionException.class, () -> names("posts,,users", List.of(), DECLARED));
        assertEquals("-Dextract=posts,,users has an empty entry: list modules or services separated by commas,"
                + " e.g. -Dextract=<module>,<service>", e.getMessage());
        assertThrows(ExtractionException.class, () -> names(null, List.of("extract="), DECLARED));
    }

    @Test
    void aNameWrittenTwiceInThePropertyIsRefusedWithTheListToType() {
        var e = assertThrows(ExtractionException.class,
                () -> RequestedNames.of("books,books", true, List.of(), DECLARED));
        assertEquals(List.of("-Dextract=books,books names 'books' twice: name each module or service once,"
                + " e.g. -Dextract=books"), e.lines());
        // Entries are trimmed as ever, so ' posts' repeats posts; a mistyped repeat is refused here, before resolve().
        e = assertThrows(ExtractionException.class, () -> names("posts, threads , posts", List.of(), DECLARED));
        assertEquals("-Dextract=posts, threads , posts names 'posts' twice: name each module or service once,"
                + " e.g. -Dextract=posts,threads", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> names("postz,users,postz,users,postz", List.of(), DECLARED));
        assertEquals("-Dextract=postz,users,postz,users,postz names 'postz' 3 times and 'users' twice: name each module or"
                + " service once, e.g. -Dextract=postz,users", e.getMessage());
    }

    @Test
    void aNameWrittenTwiceInThePextractListsIsRefused() {
        // -Pextract=posts,posts: Maven activates extract=posts and asks for a profile 'posts', the list's second name.
        var e = assertThrows(ExtractionException.class, () -> names("posts", List.of("extract=posts", "posts"), DECLARED));
        assertEquals(List.of("-Pextract=posts,posts names 'posts' twice: name each module or service once,"
                + " e.g. -Pextract=posts"), e.lines());
        // -Pextract=content,posts -Pextract=posts: two lists; Maven keeps both profile ids, 'posts' and 'extract=posts'.
        e = assertThrows(ExtractionException.class, () -> names(null, List.of("extract=content", "posts", "extract=posts"),
                DECLARED));
        assertEquals("-Pextract=content,posts and -Pextract=posts name 'posts' twice: name each module or service once,"
                + " e.g. -Pextract=content,posts", e.getMessage());
    }

    @Test
    void aNameInTheTypedPropertyAndAPextractListIsWrittenTwice() {
        // -Dextract=posts -Pextract=posts: the user typed posts twice (the -D value wins over the one the profile sets).
        var e = assertThrows(ExtractionException.class, () -> RequestedNames.of("posts", true,
                List.of("extract=posts"), DECLARED));
        assertEquals("-Dextract=posts and -Pextract=posts name 'posts' twice: name each module or service once,"
                + " e.g. -Dextract=posts", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> RequestedNames.of("users", true,
                List.of("extract=posts", "users"), DECLARED));
        assertEquals("-Dextract=users and -Pextract=posts,users name 'users' twice: name each module or service once,"
                + " e.g. -Dextract=users,posts", e.getMessage());
        // The property an extract= profile sets is no second naming (propertyAndProfilesAreReadOnceEach); other names pass.
        assertEquals(List.of(new Requested("posts", "-Pextract=posts")),
                RequestedNames.of("posts", false, List.of("extract=posts"), DECLARED));
        assertEquals(List.of(new Requested("users", "-Dextract=users"), new Requested("posts", "-Pextract=posts")),
                RequestedNames.of("users", true, List.of("extract=posts"), DECLARED));
    }

    @Test
    void everyOptionWithARepeatIsALineOfItsOwn() {
        // -Dextract=posts,posts -Pextract=users,users
        var e = assertThrows(ExtractionException.class, () -> RequestedNames.of("posts,posts", true,
                List.of("extract=users", "users"), DECLARED));
        assertEquals(List.of(
                "-Dextract=posts,posts names 'posts' twice: name each module or service once, e.g. -Dextract=posts",
                "-Pextract=users,users names 'users' twice: name each module or service once, e.g. -Pextract=users"),
                e.lines());
        assertEquals("2 options name a module or service more than once, one per [extract] line above: name each once",
                e.summary());
    }

    @Test
    void spacesAroundANameAreTrimmedAndABlankEntryRefused() {
        assertEquals(List.of(new Requested("posts", "-Dextract=posts")),
                RequestedNames.of(" posts", true, List.of(), DECLARED));
        assertEquals(List.of("posts", "users"), names("posts , users ", List.of(), DECLARED));
        for (String blank : List.of("posts, ,users", "posts,", ",posts")) {
            var e = assertThrows(ExtractionException.class, () -> names(blank, List.of(), DECLARED));
            assertEquals("-Dextract=" + blank + " has an empty entry: list modules or services separated by commas,"
                    + " e.g. -Dextract=<module>,<service>", e.getMessage());
        }
    }

    /** Only the names requested, in order. */
    private static List<String> names(String property, List<String> profiles, Set<String> declared) {
        return RequestedNames.of(property, false, profiles, declared).stream().map(Requested::name).toList();
    }
}
