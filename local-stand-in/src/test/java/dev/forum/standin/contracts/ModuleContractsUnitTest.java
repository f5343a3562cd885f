package dev.forum.standin.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.topology.ModuleRoute;
import forum.platform.ModuleApi;
import forum.posts.PostsApi;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.service.annotation.HttpExchange;

class ModuleContractsUnitTest {

    @Test
    void the_modules_and_prefixes_come_from_the_api_interfaces_by_name() {
        assertEquals(List.of(new ModuleRoute("posts", PostsApi.PATH), new ModuleRoute("threads", ThreadsApi.PATH),
                new ModuleRoute("users", UsersApi.PATH)), ModuleContracts.onClassPath());
    }

    @Test
    void the_order_does_not_depend_on_how_the_interfaces_are_found() {
        assertEquals(ModuleContracts.onClassPath(), ModuleContracts.of(List.of(PostsApi.class, UsersApi.class, ThreadsApi.class)));
    }

    @ModuleApi("broken")
    interface WithoutPath {
    }

    @Test
    void an_api_without_a_route_prefix_is_refused_with_its_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleContracts.of(List.of(WithoutPath.class)));
        assertTrue(e.getMessage().contains("WithoutPath") && e.getMessage().contains("@HttpExchange"), e.getMessage());
    }

    @ModuleApi("broken")
    @HttpExchange(" ")
    interface WithBlankPath {
    }

    @ModuleApi("lines")
    @HttpExchange("api/lines")
    interface WithoutLeadingSlash {
    }

    /** Read as Spring MVC maps it, the way the extraction plugin reads it: {@code api/lines} is {@code /api/lines}. */
    @Test
    void a_prefix_without_its_leading_slash_is_read_with_it() {
        assertEquals(List.of(new ModuleRoute("lines", "/api/lines")), ModuleContracts.of(List.of(WithoutLeadingSlash.class)));
    }

    @ModuleApi("lines")
    @HttpExchange(url = "/api/lines/")
    interface WithTrailingSlash {
    }

    /**
     * The way the extraction plugin reads it too: Spring MVC serves {@code /api/lines/} and what lies below it, so the
     * prefix is {@code /api/lines}, not a refusal.
     */
    @Test
    void a_prefix_with_a_trailing_slash_is_read_without_it() {
        assertEquals(List.of(new ModuleRoute("lines", "/api/lines")), ModuleContracts.of(List.of(WithTrailingSlash.class)));
    }

    /** A blank path is none, as in Spring: the line says it has no path, not that "/ " is a bad prefix. */
    @Test
    void an_api_with_a_blank_path_is_refused_as_one_without_a_path() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleContracts.of(List.of(WithBlankPath.class)));
        assertTrue(e.getMessage().contains("WithBlankPath") && e.getMessage().contains("has no @HttpExchange path"),
                e.getMessage());
    }

    @HttpExchange("/api/lines")
    interface LineRoutes {
    }

    @ModuleApi("lines")
    interface InheritingLines extends LineRoutes {
    }

    /**
     * A class-level url inherited from a super-interface is the prefix, as Spring MVC serves the routes below it and
     * Spring's HTTP client sends them there ({@code AnnotatedElementUtils.findMergedAnnotation}).
     */
    @Test
    void a_prefix_inherited_from_a_super_interface_is_read_as_spring_finds_it() {
        assertEquals(List.of(new ModuleRoute("lines", "/api/lines")), ModuleContracts.of(List.of(InheritingLines.class)));
    }

    @ModuleApi("posts")
    @HttpExchange("api/posts//")
    interface WithEmptySegment {
    }

    @ModuleApi("posts")
    @HttpExchange("/api/{id}")
    interface WithVariable {
    }

    /**
     * A path that is no route prefix is quoted as written, with how it was read when that differs: the user wrote
     * {@code api/posts//}, never {@code /api/posts/}.
     */
    @Test
    void a_path_that_is_no_route_prefix_is_refused_quoted_as_written() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleContracts.of(List.of(WithEmptySegment.class)));
        assertEquals(WithEmptySegment.class.getName() + " (module posts) has the @HttpExchange path 'api/posts//' (read"
                + " as '/api/posts/', as Spring MVC maps a class-level path: with a leading '/', without one trailing"
                + " '/'), where a route prefix is " + ModuleRoute.PREFIX_SHAPE + ": give it one such as /api/posts",
                e.getMessage());
        IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
                () -> ModuleContracts.of(List.of(WithVariable.class)));
        assertEquals(WithVariable.class.getName() + " (module posts) has the @HttpExchange path '/api/{id}', where a"
                + " route prefix is " + ModuleRoute.PREFIX_SHAPE + ": give it one such as /api/posts",
                variable.getMessage());
    }
}
