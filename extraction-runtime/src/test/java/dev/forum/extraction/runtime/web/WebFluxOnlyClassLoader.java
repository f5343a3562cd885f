package dev.forum.extraction.runtime.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * For {@link RemoteErrorWebFluxTest}, the class path of a WebFlux-only application: spring-webmvc, Spring Boot's MVC and
 * servlet support, Tomcat and the Servlet API are hidden (a {@link ClassNotFoundException} for their classes, and no
 * resource of the jars that hold them, so none of their {@code META-INF/spring.factories} entries either). The run time's classes
 * and the tests' ({@code target/classes}, {@code target/test-classes}) are loaded by this loader itself, not by the
 * test's, so each class they link to is looked up here; Spring's own classes come from the test's class loader.
 */
final class WebFluxOnlyClassLoader extends URLClassLoader {

    private static final String OURS = "dev.forum.extraction.runtime.";
    private static final List<String> HIDDEN = List.of("org.springframework.web.servlet.", "org.springframework.boot.webmvc.",
            "org.springframework.boot.servlet.", "org.springframework.boot.tomcat.", "jakarta.servlet.", "org.apache.catalina.");

    /** The jars (as {@code jar:file:...!/}) that hold a hidden package: none of their resources is seen either. */
    private final List<String> hiddenJars = new ArrayList<>();

    WebFluxOnlyClassLoader() throws IOException {
        super(new URL[] {location(RemoteErrorWebExceptionHandler.class), location(RemoteErrorWebFluxTest.class)},
                RemoteErrorWebFluxTest.class.getClassLoader());
        for (String hidden : HIDDEN) {
            for (URL folder : Collections.list(getParent().getResources(hidden.replace('.', '/')))) {
                String url = folder.toString();
                if (url.startsWith("jar:") && url.contains("!/")) {
                    hiddenJars.add(url.substring(0, url.indexOf("!/") + 2));
                }
            }
        }
        if (hiddenJars.isEmpty()) {
            throw new IllegalStateException("No jar of spring-webmvc or the Servlet API found to hide: the test proves nothing");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static boolean hidden(String name) {
        return HIDDEN.stream().anyMatch(name.replace('/', '.')::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (hidden(name)) {
            throw new ClassNotFoundException(name + " (hidden: a WebFlux-only application)");
        }
        if (!name.startsWith(OURS)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private boolean inHiddenJar(URL resource) {
        return hiddenJars.stream().anyMatch(resource.toString()::startsWith);
    }

    @Override
    public URL getResource(String name) {
        if (hidden(name)) {
            return null;
        }
        URL resource = super.getResource(name);
        if (resource == null || !inHiddenJar(resource)) {
            return resource;
        }
        try {
            Enumeration<URL> all = getResources(name);
            return all.hasMoreElements() ? all.nextElement() : null;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (hidden(name)) {
            return Collections.emptyEnumeration();
        }
        List<URL> seen = new ArrayList<>(Collections.list(super.getResources(name)));
        seen.removeIf(this::inHiddenJar);
        return Collections.enumeration(seen);
    }

    /** @return the jars hidden, as {@code jar:file:...!/} (spring-webmvc's, Spring Boot's MVC and Tomcat's, ...) */
    List<String> hiddenJars() {
        return List.copyOf(hiddenJars);
    }
}
