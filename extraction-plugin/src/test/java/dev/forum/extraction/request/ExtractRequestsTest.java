package dev.forum.extraction.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.request.ExtractRequests.Requested;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtractRequestsTest {

    /** The forum's three modules, and an open one (which runs in every service, so is never a service's name). */
    private static final ModulithModel MODULES = ModulithModel.builder("forum.ForumApplication", List.of("forum"),
            java.util.stream.Stream.of("posts", "threads", "users", "platform")
                    .map(name -> new ModulithModel.Module(name, "forum." + name, name.equals("platform"), false,
                            Set.of("forum." + name + ".Type"), Set.of(), java.util.Map.of(), List.of()))
                    .toList()).build();

    /** The profiles the forum's POMs declare (forum-app's extract=... and one of another purpose). */
    private static final Set<String> DECLARED = Set.of("extract=users", "extract=threads", "extract=posts", "ci");

    @Test
    void aModuleThatRunsInEveryServiceIsRefusedAsSuchNotAsUnknown() {
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(
                RequestedNames.of("platform", true, List.of(), DECLARED), null, MODULES));
        assertEquals("Module 'platform' in -Dextract=platform is an open module, which runs in every service already:"
                + " remove it from the request (the modules a service can hold are posts, threads, users)",
                e.getMessage());
    }

    @Test
    void aMistypedNameInTheListIsRequestedAndSoRefusedByResolve() {
        List<Requested> names = RequestedNames.of("posts", false, List.of("extract=posts", "thread"), DECLARED);
        assertEquals(List.of(new Requested("posts", "-Pextract=posts,thread"), new Requested("thread", "-Pextract=posts,thread")), names);
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(names, (Topology) null, MODULES));
        assertEquals("Unknown module or service 'thread' in -Pextract=posts,thread (did you mean threads?): valid are modules"
                + " posts, threads, users (no topology file, so no services)", e.getMessage());
    }

    @Test
    void anUnknownNameIsRefusedNamingTheOptionItCameFrom() {
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(
                RequestedNames.of("posts,thredas", true, List.of(), DECLARED), (Topology) null, MODULES));
        assertEquals("Unknown module or service 'thredas' in -Dextract=posts,thredas (did you mean threads?): valid are modules"
                + " posts, threads, users (no topology file, so no services)", e.getMessage());
    }

    @Test
    void everyUnknownNameOfOneListIsALineOfItsOwnInOneRefusal() {
        // user10's -Dextract=venus,Sales: a typo and a wrong case, both refused in one run; an open module beside them
        // is no unknown name (its own refusal comes once the names are known).
        var e = assertThrows(UnknownNames.class, () -> ExtractRequests.resolve(
                RequestedNames.of("post,Threads,platform", true, List.of(), DECLARED), (Topology) null, MODULES));
        assertEquals(List.of("Unknown module or service 'post' in -Dextract=post,Threads,platform (did you mean posts?):"
                + " valid are modules posts, threads, users (no topology file, so no services)",
                "Unknown module or service 'Threads' in -Dextract=post,Threads,platform (did you mean threads?): valid"
                + " are modules posts, threads, users (no topology file, so no services)"), e.lines());
        assertEquals(List.of("post", "Threads"), e.names());
        assertEquals("2 unknown modules or services requested, one per [extract] line above: fix each, or leave it out of"
                + " the request", e.summary());
    }

    @Test
    void eachModuleIsAServiceOfItsOwn() {
        assertEquals(List.of(new ServiceRequest("posts", List.of("posts")), new ServiceRequest("threads", List.of("threads"))),
                ExtractRequests.resolve(requested("posts", "threads"), (Topology) null, MODULES));
    }

    @Test
    void aServiceOfTheTopologyFileIsOneServiceHoldingItsModules() {
        List<ServiceRequest> content = ExtractRequests.resolve(requested("content"),
                topology("  - { name: content, modules: [threads, posts] }\n"), MODULES);
        assertEquals(List.of(new ServiceRequest("content", List.of("threads", "posts"), false, true)), content);
        assertEquals("Service 'content'", content.get(0).subject());
    }

    @Test
    void theMonolithHoldsEveryModule() {
        assertEquals(List.of(new ServiceRequest("monolith", MODULES.extractableModules(), true),
                        new ServiceRequest("posts", List.of("posts"), false, true)),
                ExtractRequests.resolve(requested("monolith", "posts"), topology("  - { name: posts, modules: [posts], traffic: 10 }\n"),
                        MODULES));
    }

    @Test
    void aModuleNameStillWorksBesideTheServices() {
        List<ServiceRequest> users = ExtractRequests.resolve(requested("users"),
                topology("  - { name: content, modules: [threads, posts] }\n"), MODULES);
        assertEquals(List.of(new ServiceRequest("users", List.of("users"))), users);
        assertEquals("Module 'users' alone", users.get(0).subject(), "no service: messages do not call it one");
        assertEquals(List.of(new ServiceRequest("users", List.of("users"))), ExtractRequests.resolve(requested("users"), null, MODULES));
    }

    @Test
    void anUnknownNameFailsListingTheValidOnes() {
        var e = assertThrows(ExtractionException.class,
                () -> ExtractRequests.resolve(requested("postz"), topology("  - { name: content, modules: [threads, posts] }\n"), MODULES));
        assertEquals("Unknown module or service 'postz' in -Dextract=postz (did you mean posts?):"
                + " valid are modules posts, threads, users; services of t.yml: monolith, content", e.getMessage());
        e = assertThrows(ExtractionException.class,
                () -> ExtractRequests.resolve(requested("contnet"), topology("  - { name: content, modules: [threads, posts] }\n"), MODULES));
        assertEquals("Unknown module or service 'contnet' in -Dextract=contnet (did you mean content?):"
                + " valid are modules posts, threads, users; services of t.yml: monolith, content", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(requested("content"), null, MODULES));
        assertEquals("Unknown module or service 'content' in -Dextract=content:"
                + " valid are modules posts, threads, users (no topology file, so no services)", e.getMessage());
    }

    @Test
    void aModulesPackageNameSuggestsTheModule() {
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(requested("forum.posts"), null, MODULES));
        assertEquals("Unknown module or service 'forum.posts' in -Dextract=forum.posts (did you mean posts?):"
                + " valid are modules posts, threads, users (no topology file, so no services)", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(requested("org.acme.thredas"), null, MODULES));
        assertTrue(e.getMessage().contains("(did you mean threads?)"), e.getMessage());
        // Before compiling, the extract=<module> profiles name the modules.
        e = assertThrows(ExtractionException.class, () -> ExtractRequests.refuseUnknownBeforeCompile(
                requested("forum.users"), ExtractRequests.profileNames(DECLARED), List.of(), null));
        assertTrue(e.getMessage().contains("Unknown module or service 'forum.users' in -Dextract=forum.users (did you"
                + " mean users?): valid are modules"), e.getMessage());
    }

    /** Spring Modulith names nested and deep modules by their path below the root: dotted names are modules too. */
    private static final ModulithModel DOTTED = ModulithModel.builder("org.acme.Shop", List.of("org.acme"),
            java.util.stream.Stream.of("library", "library.shelves", "shelves", "admin.exports")
                    .map(name -> new ModulithModel.Module(name, "org.acme." + name, false, false,
                            Set.of("org.acme." + name + ".Type"), Set.of(), java.util.Map.of(), List.of()))
                    .toList()).build();

    @Test
    void aDottedModuleIsRequestedByItsNameAndSuggestedForItsPackageOrATypo() {
        assertEquals(List.of(new ServiceRequest("library.shelves", List.of("library.shelves"))),
                ExtractRequests.resolve(requested("library.shelves"), null, DOTTED));
        var e = assertThrows(ExtractionException.class,
                () -> ExtractRequests.resolve(requested("org.acme.library.shelves"), null, DOTTED));
        assertEquals("Unknown module or service 'org.acme.library.shelves' in -Dextract=org.acme.library.shelves (did you"
                + " mean library.shelves?): valid are modules admin.exports, library, library.shelves, shelves (no"
                + " topology file, so no services)", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(requested("library.shelvs"), null, DOTTED));
        assertTrue(e.getMessage().contains("(did you mean library.shelves?)"), e.getMessage());
        e = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(requested("admin.export"), null, DOTTED));
        assertTrue(e.getMessage().contains("(did you mean admin.exports?)"), e.getMessage());
    }

    @Test
    void beforeCompilingTheDeclaredExtractProfilesNameTheModules() {
        assertEquals(Set.of("posts", "threads", "users"), ExtractRequests.profileNames(DECLARED));
        assertEquals(Set.of(), ExtractRequests.profileNames(Set.of("ci", "extract=")));
        List<String> services = List.of("monolith", "content");
        // -Pextract=post (a profile Maven only warns about) and -Dextract=post: refused with the option as typed.
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.refuseUnknownBeforeCompile(
                RequestedNames.of(null, false, List.of("extract=post"), DECLARED), ExtractRequests.profileNames(DECLARED),
                services, "/work/forum/topology.yml"));
        assertEquals(List.of("Unknown module or service 'post' in -Pextract=post (did you mean posts?): valid are modules"
                + " posts, threads, users (this build's extract=<module> profiles: a module needs one to be named here);"
                + " services of /work/forum/topology.yml: monolith, content"), e.lines());
        e = assertThrows(ExtractionException.class, () -> ExtractRequests.refuseUnknownBeforeCompile(
                requested("post"), ExtractRequests.profileNames(DECLARED), List.of(), null));
        assertEquals(List.of("Unknown module or service 'post' in -Dextract=post (did you mean posts?): valid are modules"
                + " posts, threads, users (this build's extract=<module> profiles: a module needs one to be named here;"
                + " no topology file, so no services)"), e.lines());
    }

    @Test
    void beforeCompilingEveryUnknownNameIsALineOfItsOwn() {
        // -Pextract=post,thread,content: two mistakes in one list, and a service of the file that no profile declares.
        var e = assertThrows(ExtractionException.class, () -> ExtractRequests.refuseUnknownBeforeCompile(
                RequestedNames.of(null, false, List.of("extract=post", "thread", "content"), DECLARED),
                ExtractRequests.profileNames(DECLARED), List.of("monolith", "content"), "t.yml"));
        assertEquals(2, e.lines().size(), e.getMessage());
        assertEquals(true, e.lines().get(0).startsWith("Unknown module or service 'post' in -Pextract=post,thread,content"
                + " (did you mean posts?): valid are modules posts, threads, users"), e.lines().get(0));
        assertEquals(true, e.lines().get(1).startsWith("Unknown module or service 'thread' in -Pextract=post,thread,content"
                + " (did you mean threads?): valid are modules posts, threads, users"), e.lines().get(1));
        assertEquals("2 unknown modules or services requested, one per [extract] line above: fix each, or leave it out of"
                + " the request", e.summary());
    }

    @Test
    void beforeCompilingAKnownNameOrABuildWithoutExtractProfilesPasses() {
        Set<String> profiles = ExtractRequests.profileNames(DECLARED);
        // Modules with profiles, a service of the file, an -Pextract list: nothing to refuse yet.
        ExtractRequests.refuseUnknownBeforeCompile(requested("posts", "threads"), profiles, List.of("monolith"), "t.yml");
        ExtractRequests.refuseUnknownBeforeCompile(requested("monolith"), profiles, List.of("monolith"), "t.yml");
        ExtractRequests.refuseUnknownBeforeCompile(RequestedNames.of(null, false,
                List.of("extract=content", "posts"), DECLARED), profiles, List.of("monolith", "content"), "t.yml");
        // No extract= profile declared: the modules are known only once compiled, so any name waits for resolve().
        ExtractRequests.refuseUnknownBeforeCompile(requested("post"), Set.of(), List.of("monolith"), "t.yml");
    }

    @Test
    void aModuleWithoutItsProfileIsNamedWhenTheBuildDeclaresExtractProfiles() {
        assertEquals(List.of(), ExtractRequests.modulesWithoutProfile(MODULES.extractableModules(), ExtractRequests.profileNames(DECLARED)));
        assertEquals(List.of(), ExtractRequests.modulesWithoutProfile(List.of("tags"), Set.of()));
        assertEquals(List.of("Module 'tags' has no profile extract=tags though this build declares extract= profiles for"
                + " posts, threads, users: add <profile><id>extract=tags</id></profile> beside them, or the check-request goal"
                + " refuses -Dextract=tags before compiling"),
                ExtractRequests.modulesWithoutProfile(List.of("posts", "tags", "threads", "users"), ExtractRequests.profileNames(DECLARED)));
    }

    @Test
    void aServiceNamedLikeAModuleMustHoldJustThatModule() {
        var e = assertThrows(ExtractionException.class,
                () -> ExtractRequests.resolve(requested("posts"), topology("  - { name: posts, modules: [threads, posts] }\n"), MODULES));
        assertEquals("'posts' is a module and a service of t.yml holding threads, posts: rename the service so that"
                + " -Dextract=posts means one thing", e.getMessage());
        List<ServiceRequest> posts = ExtractRequests.resolve(requested("posts"), topology("  - { name: posts, modules: [posts] }\n"),
                MODULES);
        assertEquals(List.of(new ServiceRequest("posts", List.of("posts"), false, true)), posts);
        assertEquals("Service 'posts'", posts.get(0).subject(), "a service of the file, holding its one module");
    }

    @Test
    void theTopologyFilesServicesAreWhatBlockersNameWhenTheyKeepModulesTogether() {
        TopologyServices services = ExtractRequests.topologyServices(topology("  - { name: content, modules: [threads, posts] }\n"));
        assertEquals(new TopologyServices("t.yml", "monolith", java.util.Map.of("content", List.of("threads", "posts"))), services);
        assertEquals(TopologyServices.NONE, ExtractRequests.topologyServices(null));
    }

    @Test
    void blockersNameTheTopologyFileToEditByItsPath() {
        Topology file = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                + "  - { name: content, modules: [threads] }\n", "/work/shop/topology.yml"),
                MODULES.extractableModules().stream().map(m -> new ModuleRoute(m, "/api/" + m)).toList());
        TopologyServices services = ExtractRequests.topologyServices(file, "/work/shop/topology.yml");
        assertEquals("topology.yml", services.file(), "the report names the file");
        assertEquals("keep threads and posts in one service: add posts to service 'content' of /work/shop/topology.yml"
                + " (modules: [threads, posts]) and build it with -Dextract=content", services.together("threads", "posts"));
        TopologyServices none = ExtractRequests.topologyServices(null, "/work/shop/topology.yml");
        assertEquals("keep threads and posts in one service: list both in one service of a topology file at"
                + " /work/shop/topology.yml (modules: [posts, threads]) and build that service with -Dextract=<its name>",
                none.together("threads", "posts"));
        assertEquals(false, none.present());
    }

    /** The names as {@code -Dextract=a,b} gives them. */
    private static List<Requested> requested(String... names) {
        return RequestedNames.of(String.join(",", names), true, List.of(), DECLARED);
    }

    private static Topology topology(String services) {
        return Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services, "t.yml"),
                MODULES.extractableModules().stream().map(m -> new ModuleRoute(m, "/api/" + m)).toList());
    }
}