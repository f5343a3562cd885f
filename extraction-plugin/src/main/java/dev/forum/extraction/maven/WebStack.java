package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * The web application type Spring Boot 4.0.1 and later deduce from an application's run-time class path
 * ({@code WebApplicationType.deduce()}), the one way the service goal (the image's health labels) and the {@code ecs}
 * goal (listener rules, health checks, internal base URL) tell which stack's path settings apply when
 * {@code spring.main.web-application-type} names none. Boot asks the {@code WebApplicationType.Deducer}s that
 * {@code spring.factories} registers, in their {@code @Order}, and takes the first answer:
 * <ol>
 * <li>{@code spring-boot-webmvc}'s ({@value #SERVLET_DEDUCER}, order 10): {@link Type#SERVLET} when
 * {@value #SERVLET}, {@value #DISPATCHER_SERVLET} and {@value #WEB_CONTEXT} are all present;</li>
 * <li>{@code spring-boot-webflux}'s ({@value #REACTIVE_DEDUCER}, order 20): {@link Type#REACTIVE} when {@value #MONO}
 * and {@value #DISPATCHER_HANDLER} are;</li>
 * <li>no deducer answers: {@link Type#SERVLET} when {@value #SERVLET} and {@value #WEB_CONTEXT} are present, else
 * {@link Type#NONE}.</li>
 * </ol>
 * A deducer is registered when its jar is there, so its own class stands for it. An application with Spring WebFlux's
 * starter and a {@code spring-webmvc} that came along transitively, but no {@code spring-boot-webmvc}, is therefore
 * reactive.
 * <p>
 * Spring Boot 3, whose rule differs, never gets here: the analysis refuses it first. Spring Boot 4.0.0 still has
 * Boot 3's rule (its {@code WebApplicationType} has no {@code Deducer}, added in 4.0.1 for spring-boot issue 48517):
 * {@link Type#REACTIVE} when {@value #DISPATCHER_HANDLER} is present and neither {@value #DISPATCHER_SERVLET} nor
 * Jersey's {@code ServletContainer} is, else the fallback above ({@link #deduceBoot400}). This class applies 4.0.1's
 * rule to 4.0.0 too, so the two disagree where both stacks' classes come along ({@link Deduced#boot400Differs}, which
 * the goals reading the stack warn of on 4.0.0: {@link ApplicationAnalysis#servlet}): Spring WebFlux's starter
 * with a transitive {@code spring-webmvc} (or Jersey) and the servlet API runs as a servlet application on 4.0.0 but is
 * read here as a reactive one, and {@code spring-webflux} without {@code spring-boot-webflux} next to the servlet API
 * the other way round. Such an application on 4.0.0 gets the other stack's path settings (health checks, listener
 * rules, internal base URL) unless it names its stack in {@code spring.main.web-application-type}, or moves to 4.0.1.
 */
final class WebStack {

    /** The web application types of Spring Boot's {@code WebApplicationType}. */
    enum Type {
        /** Spring MVC on a servlet container. */
        SERVLET,
        /** Spring WebFlux. */
        REACTIVE,
        /** No web server. */
        NONE
    }

    static final String SERVLET_DEDUCER = "org.springframework.boot.webmvc.WebMvcWebApplicationTypeDeducer";
    static final String REACTIVE_DEDUCER = "org.springframework.boot.webflux.WebFluxWebApplicationTypeDeducer";
    static final String SERVLET = "jakarta.servlet.Servlet";
    static final String DISPATCHER_SERVLET = "org.springframework.web.servlet.DispatcherServlet";
    static final String WEB_CONTEXT = "org.springframework.web.context.ConfigurableWebApplicationContext";
    static final String MONO = "reactor.core.publisher.Mono";
    static final String DISPATCHER_HANDLER = "org.springframework.web.reactive.DispatcherHandler";
    /** Jersey's servlet, which Spring Boot 4.0.0's rule reads too. */
    static final String JERSEY = "org.glassfish.jersey.servlet.ServletContainer";

    private static final List<String> READ = List.of(SERVLET_DEDUCER, REACTIVE_DEDUCER, SERVLET, DISPATCHER_SERVLET,
            WEB_CONTEXT, MONO, DISPATCHER_HANDLER, JERSEY);
    /** Found together, these settle {@link Type#SERVLET}: Spring MVC's deducer answers first. */
    private static final List<String> SETTLES_SERVLET = List.of(SERVLET_DEDUCER, SERVLET, DISPATCHER_SERVLET, WEB_CONTEXT);
    /** The artifact ids that hold the classes read, in Spring Boot 4's WebMVC and WebFlux starters. */
    private static final List<String> HOLDERS = List.of("spring-boot-webmvc", "spring-webmvc", "spring-web",
            "tomcat-embed-core", "jakarta.servlet-api", "spring-boot-webflux", "spring-webflux", "reactor-core");

    private WebStack() {
    }

    /**
     * What an application's class path gives.
     *
     * @param type            the type Spring Boot 4.0.1 and later deduce ({@link #deduce}): the one the goals read by
     * @param boot400Differs  whether Spring Boot 4.0.0 deduces another type from the same classes ({@link #deduceBoot400})
     */
    record Deduced(Type type, boolean boot400Differs) {

        /** Whether the application runs as a servlet one: {@link #type} is {@link Type#SERVLET}. */
        boolean servlet() {
            return type == Type.SERVLET;
        }
    }

    /**
     * Reads the packed libraries once for both rules: whether Spring Boot runs the application as a servlet one
     * ({@link Deduced#servlet}), what its path settings are read for when {@code spring.main.web-application-type}
     * names no stack (a reactive application's and one without a web server's are read alike: the latter answers on no
     * path), and whether 4.0.0 would run it as another.
     *
     * @param libraries the application's run-time libraries; only those Spring Boot's repackaging packs count, the
     *                  class path of a service's process
     * @return the type 4.0.1 and later deduce, and whether 4.0.0 deduces another
     * @throws ExtractionException (one line) when a library's jar cannot be read
     */
    static Deduced read(List<RuntimeLibraries.Entry> libraries) {
        Set<String> present = present(libraries);
        Type type = deduce(present::contains);
        return new Deduced(type, deduceBoot400(present::contains) != type);
    }

    /**
     * @param present whether a class, by its binary name, is on the class path
     * @return the type Spring Boot 4.0.1 and later deduce
     */
    static Type deduce(Predicate<String> present) {
        if (present.test(SERVLET_DEDUCER) && present.test(SERVLET) && present.test(DISPATCHER_SERVLET)
                && present.test(WEB_CONTEXT)) {
            return Type.SERVLET;
        }
        if (present.test(REACTIVE_DEDUCER) && present.test(MONO) && present.test(DISPATCHER_HANDLER)) {
            return Type.REACTIVE;
        }
        return present.test(SERVLET) && present.test(WEB_CONTEXT) ? Type.SERVLET : Type.NONE;
    }

    /**
     * Spring Boot 4.0.0's rule, Spring Boot 3's {@code deduceFromClasspath}: {@link Type#REACTIVE} when
     * {@value #DISPATCHER_HANDLER} is present and neither {@value #DISPATCHER_SERVLET} nor {@value #JERSEY} is, else
     * {@link Type#SERVLET} when {@value #SERVLET} and {@value #WEB_CONTEXT} are, else {@link Type#NONE}.
     *
     * @param present whether a class, by its binary name, is on the class path
     * @return the type Spring Boot 4.0.0 deduces
     */
    static Type deduceBoot400(Predicate<String> present) {
        if (present.test(DISPATCHER_HANDLER) && !present.test(DISPATCHER_SERVLET) && !present.test(JERSEY)) {
            return Type.REACTIVE;
        }
        return present.test(SERVLET) && present.test(WEB_CONTEXT) ? Type.SERVLET : Type.NONE;
    }

    /**
     * The classes the rule reads that the packed libraries hold (a jar's entry, or a file of a classes folder). The
     * artifacts that hold them in Spring Boot's starters ({@link #HOLDERS}) are read first, and the reading stops once
     * Spring MVC's deducer and the three classes it checks are found, which settles {@link Type#SERVLET} whatever else
     * is there (4.0.0's rule too, as {@value #DISPATCHER_SERVLET} is among them): an ordinary Spring MVC application
     * opens a handful of jars. Any other answer rests on a class being
     * absent, so a reactive application's jars, or one without a web server, are all read.
     */
    private static Set<String> present(List<RuntimeLibraries.Entry> libraries) {
        Set<String> present = new HashSet<>();
        List<RuntimeLibraries.Entry> ordered = libraries.stream().filter(RuntimeLibraries.Entry::packed)
                .sorted(Comparator.comparingInt(WebStack::rank)).toList();
        for (RuntimeLibraries.Entry library : ordered) {
            if (present.containsAll(SETTLES_SERVLET)) {
                break;
            }
            Path file = library.file();
            if (Files.isDirectory(file)) {
                READ.stream().filter(name -> Files.isRegularFile(file.resolve(entry(name)))).forEach(present::add);
                continue;
            }
            try (ZipFile jar = new ZipFile(file.toFile())) {
                READ.stream().filter(name -> jar.getEntry(entry(name)) != null).forEach(present::add);
            } catch (IOException e) {
                throw new ExtractionException("Cannot read " + file + " (" + library.name() + ") to tell the application's"
                        + " web stack: " + e.getMessage() + "; rebuild it or fix the dependency");
            }
        }
        return present;
    }

    /** Where a library is read: by its place in {@link #HOLDERS}, the others after them in their own order. */
    private static int rank(RuntimeLibraries.Entry library) {
        String[] coordinates = library.name().split(":");
        int rank = coordinates.length > 1 ? HOLDERS.indexOf(coordinates[1]) : -1;
        return rank < 0 ? HOLDERS.size() : rank;
    }

    private static String entry(String className) {
        return className.replace('.', '/') + ".class";
    }
}
