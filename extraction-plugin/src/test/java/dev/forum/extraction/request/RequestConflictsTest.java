package dev.forum.extraction.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.request.ExtractRequests.Requested;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import dev.forum.topology.ServiceOutline;
import dev.forum.topology.TopologySpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The request mistakes the names and the topology file show before anything compiles, and the same lines after. */
class RequestConflictsTest {

    private static final ModulithModel MODULES = ModulithModel.builder("forum.ForumApplication", List.of("forum"),
            java.util.stream.Stream.of("posts", "threads", "users")
                    .map(name -> new ModulithModel.Module(name, "forum." + name, false, false,
                            Set.of("forum." + name + ".Type"), Set.of(), java.util.Map.of(), List.of()))
                    .toList()).build();

    private static final Set<String> DECLARED = Set.of("extract=users", "extract=threads", "extract=posts");

    private static final String CONTENT = "  - { name: content, modules: [posts, threads] }\n";

    @Test
    void aModuleNamedBesideTheServiceHoldingItIsRefusedBeforeCompilingAndAfter() {
        String line = "-Dextract=content,posts names service 'content' and its module 'posts': name the service or its"
                + " modules, not both, e.g. -Dextract=content";
        assertEquals(line, beforeAndAfter(property("content,posts"), CONTENT));
        // Every module so named on the service's line; the other names stay in the request to type instead.
        assertEquals("-Dextract=threads,users,content,posts names service 'content' and its modules 'threads' and 'posts':"
                + " name the service or its modules, not both, e.g. -Dextract=users,content",
                beforeAndAfter(property("threads,users,content,posts"), CONTENT));
    }

    @Test
    void theLineNamesTheOptionsAsTyped() {
        // -Pextract=content,posts: Maven splits it into the profiles extract=content and posts.
        assertEquals("-Pextract=content,posts names service 'content' and its module 'posts': name the service or its"
                + " modules, not both, e.g. -Pextract=content",
                beforeAndAfter(RequestedNames.of(null, false, List.of("extract=content", "posts"), DECLARED),
                        CONTENT));
        assertEquals("-Dextract=posts and -Pextract=content name service 'content' and its module 'posts': name the"
                + " service or its modules, not both, e.g. -Dextract=content",
                beforeAndAfter(RequestedNames.of("posts", true, List.of("extract=content"), DECLARED), CONTENT));
    }

    @Test
    void theMonolithSharesItsModulesWithAnyService() {
        List<Requested> names = property("monolith,posts,content");
        String content = "  - { name: content, modules: [threads] }\n";
        assertEquals(3, ExtractRequests.resolve(names, topology(content), MODULES).size());
        RequestConflicts.refuseBeforeCompile(names, "t.yml", outlines(content));
        RequestConflicts.refuseBeforeCompile(names, null, List.of());
    }

    @Test
    void twoServicesOfTheFileThatShareAModuleAreRefusedBeforeCompiling() {
        // The file itself is refused once the modules are known (Topology.resolve): the request is refused first.
        var e = refused(() -> RequestConflicts.refuseBeforeCompile(property("a,b"), "t.yml", outlines("  - { name: a, modules: [posts] }\n  - { name: b, modules: [threads, posts] }\n")));
        assertEquals("-Dextract=a,b names services 'a' and 'b', which both hold module 'posts': a module runs in one"
                + " service, so name one of them, e.g. -Dextract=a", e.getMessage());
    }

    @Test
    void severalConflictsAreOneLineEachAndACount() {
        var e = refused(() -> RequestConflicts.refuseBeforeCompile(property("content,posts,people,users"), "t.yml", outlines(CONTENT + "  - { name: people, modules: [users] }\n")));
        assertEquals(List.of("-Dextract=content,posts,people,users names service 'content' and its module 'posts': name"
                        + " the service or its modules, not both, e.g. -Dextract=content,people",
                "-Dextract=content,posts,people,users names service 'people' and its module 'users': name the service or"
                        + " its modules, not both, e.g. -Dextract=content,people"), e.lines());
        assertEquals("2 requests put a module in two services, one per [extract] line above: name each module in one"
                + " service", e.summary());
    }

    @Test
    void aServiceNamedLikeAModuleItDoesNotHoldAloneIsRefusedBeforeCompiling() {
        String line = "'posts' is a module and a service of t.yml holding threads: rename the service so that"
                + " -Dextract=posts means one thing";
        // A module because another service of the file lists it.
        String services = "  - { name: posts, modules: [threads] }\n  - { name: content, modules: [posts] }\n";
        assertEquals(line, refused(() -> RequestConflicts.refuseBeforeCompile(property("posts"), "t.yml", outlines(services)))
                .getMessage());
        assertEquals(line, refused(() -> ExtractRequests.resolve(property("posts"), topology(services), MODULES))
                .getMessage());
        // An extract=posts profile is no sign of a module: it may name the service. The modules are known once compiled.
        RequestConflicts.refuseBeforeCompile(property("posts"), "t.yml", outlines("  - { name: posts, modules: [threads] }\n"));
        assertEquals(line, refused(() -> ExtractRequests.resolve(property("posts"),
                topology("  - { name: posts, modules: [threads] }\n"), MODULES)).getMessage());
        // Holding just its module, the name means one thing.
        RequestConflicts.refuseBeforeCompile(property("posts"), "t.yml", outlines("  - { name: posts, modules: [posts] }\n"));
    }

    @Test
    void aRequestWithoutConflictPasses() {
        List<Requested> names = property("content,users");
        RequestConflicts.refuseBeforeCompile(names, "t.yml", outlines(CONTENT));
        assertEquals(List.of(new ServiceRequest("content", List.of("posts", "threads"), false, true),
                new ServiceRequest("users", List.of("users"))), ExtractRequests.resolve(names, topology(CONTENT), MODULES));
    }

    /** The line refused before compiling; after compiling, resolve refuses the same. */
    private static String beforeAndAfter(List<Requested> names, String services) {
        var before = refused(() -> RequestConflicts.refuseBeforeCompile(names, "t.yml", outlines(services)));
        var after = refused(() -> ExtractRequests.resolve(names, topology(services), MODULES));
        assertEquals(before.lines(), after.lines());
        return before.getMessage();
    }

    private static ExtractionException refused(Executable executable) {
        return assertThrows(ExtractionException.class, executable);
    }

    private static List<Requested> property(String value) {
        return RequestedNames.of(value, true, List.of(), DECLARED);
    }

    private static TopologySpec spec(String services) {
        return TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services, "t.yml");
    }

    private static List<ServiceOutline> outlines(String services) {
        return spec(services).services().stream().map(ServiceOutline::of).toList();
    }

    private static Topology topology(String services) {
        return Topology.resolve(spec(services), MODULES.extractableModules().stream()
                .map(m -> new ModuleRoute(m, "/api/" + m)).toList());
    }
}
