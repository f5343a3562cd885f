package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * The web application type Spring Boot 4.1 deduces from an application's run-time class path
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
 * reactive. Spring Boot 3, whose rule differs, never gets here: the analysis refuses it first.
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

    private static final List<String> READ = List.of(SERVLET_DEDUCER, REACTIVE_DEDUCER, SERVLET, DISPATCHER_SERVLET,
            WEB_CONTEXT, MONO, DISPATCHER_HANDLER);

    private WebStack() {
    }

    /**
     * Whether Spring Boot runs the application as a servlet one: what its path settings are read for when
     * {@code spring.main.web-application-type} names no stack (a reactive application's and one without a web server's
     * are read alike: the latter answers on no path).
     *
     * @param libraries the application's run-time libraries; only those Spring Boot's repackaging packs count, the
     *                  class path of a service's process
     * @throws ExtractionException (one line) when a library's jar cannot be read
     */
    static boolean servlet(List<RuntimeLibraries.Entry> libraries) {
        return deduce(present(libraries)::contains) == Type.SERVLET;
    }

    /**
     * @param present whether a class, by its binary name, is on the class path
     * @return the type Spring Boot 4.1 deduces
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

    /** The classes the rule reads that the packed libraries hold (a jar's entry, or a file of a classes folder). */
    private static Set<String> present(List<RuntimeLibraries.Entry> libraries) {
        Set<String> present = new HashSet<>();
        for (RuntimeLibraries.Entry library : libraries) {
            if (present.size() == READ.size()) {
                break;
            }
            if (!library.packed()) {
                continue;
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

    private static String entry(String className) {
        return className.replace('.', '/') + ".class";
    }
}
