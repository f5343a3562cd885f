package dev.forum.extraction.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ServiceRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractRequestsTest {

    private static final List<String> MODULES = List.of("posts", "threads", "users");

    @Test
    void nothingRequestedIsEmpty() {
        assertEquals(List.of(), ExtractRequests.requestedNames(null, List.of()));
        assertEquals(List.of(), ExtractRequests.requestedNames(" ", List.of("other-profile")));
    }

    @Test
    void propertyAndProfilesAreReadOnceEach() {
        // -Pextract=posts also sets extract=posts: the same name twice is one request.
        assertEquals(List.of("posts", "threads"),
                ExtractRequests.requestedNames("posts, threads", List.of("extract=posts", "ci")));
        assertEquals(List.of("users"), ExtractRequests.requestedNames(null, List.of("extract=users")));
    }

    @Test
    void anEmptyEntryFails() {
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.requestedNames("posts,,users", List.of()));
        assertEquals("-Dextract=posts,,users has an empty entry: list modules or groups separated by commas,"
                + " e.g. -Dextract=posts,threads", e.getMessage());
        assertThrows(ExtractionException.class, () -> ExtractRequests.requestedNames(null, List.of("extract=")));
    }

    @Test
    void eachModuleIsAServiceOfItsOwn() {
        assertEquals(List.of(new ServiceRequest("posts", List.of("posts")), new ServiceRequest("threads", List.of("threads"))),
                ExtractRequests.resolve(List.of("posts", "threads"), null, MODULES));
    }

    @Test
    void aGroupIsOneServiceHoldingItsModules() {
        assertEquals(List.of(new ServiceRequest("content", List.of("posts", "threads"))),
                ExtractRequests.resolve(List.of("content"), Map.of("content", "posts, threads"), MODULES));
    }

    @Test
    void anUnknownNameFailsListingTheValidOnes() {
        var e = assertThrows(ExtractionException.class,
                () -> ExtractRequests.resolve(List.of("postz"), Map.of("content", "posts,threads"), MODULES));
        assertEquals("Unknown module or group 'postz' (from -Dextract or -Pextract=postz):"
                + " valid are modules posts, threads, users; groups content", e.getMessage());
    }

    @Test
    void badGroupsFail() {
        assertEquals("Group 'content' lists unknown module 'postz': valid modules are posts, threads, users",
                assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(List.of("posts"),
                        Map.of("content", "postz"), MODULES)).getMessage());
        assertEquals("Group 'posts' has a module's name: rename the group in <groups>",
                assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(List.of("posts"),
                        Map.of("posts", "posts,threads"), MODULES)).getMessage());
        assertEquals("Group 'content' lists 'posts' twice: list it once",
                assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(List.of("content"),
                        Map.of("content", "posts,posts"), MODULES)).getMessage());
    }
}
