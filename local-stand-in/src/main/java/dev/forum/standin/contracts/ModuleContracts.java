package dev.forum.standin.contracts;

import dev.forum.topology.ModuleRoute;
import forum.platform.ModuleApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The application's modules with the route prefix each one's API contract declares: every interface marked
 * {@link ModuleApi} below the package {@code forum} on the class path, its name from that annotation and its
 * prefix from its {@link HttpExchange} (its own or a super-interface's, as Spring finds it), read as Spring MVC maps
 * it ({@link ModuleRoute#fullPath}: {@code api/posts} and {@code /api/posts/} are {@code /api/posts}, a blank path is
 * none). Nothing is written twice: the load balancer's path patterns come from here, as the application's own routes
 * do.
 *
 * <p>The order is the modules' names, as the extraction plugin reads them; the topology model numbers the rules
 * from the names whatever the order ({@link dev.forum.topology.Topology#priorityOf}).
 */
public final class ModuleContracts {

    private static final String ROOT = "forum";

    private ModuleContracts() {
    }

    /** The modules found on this class's class path. */
    public static List<ModuleRoute> onClassPath() {
        return of(findApis(ModuleContracts.class.getClassLoader()));
    }

    /**
     * The modules declared by these API interfaces, by name.
     *
     * @param apis interfaces marked {@link ModuleApi}, each with a class-level {@link HttpExchange} path, its own or
     *             one it inherits from a super-interface (found as Spring MVC and Spring's HTTP client find it:
     *             {@link AnnotatedElementUtils#findMergedAnnotation})
     * @return each module with its route prefix, by the module's name
     * @throws IllegalArgumentException naming the interface, for one not marked {@link ModuleApi}, one without such a
     *                                  path or with a path that is no route prefix (quoted as written, and as read
     *                                  when that differs: {@link ModuleRoute#quoted}), or a module two interfaces
     *                                  declare
     */
    public static List<ModuleRoute> of(List<Class<?>> apis) {
        Map<String, Class<?>> byModule = new TreeMap<>();
        Map<String, ModuleRoute> routes = new TreeMap<>();
        for (Class<?> api : apis) {
            ModuleApi module = api.getAnnotation(ModuleApi.class);
            if (module == null) {
                throw new IllegalArgumentException(api.getName() + " is not marked @ModuleApi");
            }
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
            String written = exchange == null ? null : exchange.url();
            String prefix = ModuleRoute.fullPath(written);
            if (prefix == null) {
                throw new IllegalArgumentException(api.getName() + " (module " + module.value()
                        + ") has no @HttpExchange path: its routes need a prefix such as /api/" + module.value());
            }
            if (!ModuleRoute.routable(prefix)) {
                throw new IllegalArgumentException(api.getName() + " (module " + module.value()
                        + ") has the @HttpExchange path " + ModuleRoute.quoted(prefix, List.of(written))
                        + ", where a route prefix is " + ModuleRoute.PREFIX_SHAPE + ": give it one such as /api/"
                        + module.value());
            }
            Class<?> other = byModule.put(module.value(), api);
            if (other != null) {
                throw new IllegalArgumentException("module " + module.value() + " is declared by both "
                        + other.getName() + " and " + api.getName());
            }
            routes.put(module.value(), new ModuleRoute(module.value(), prefix));
        }
        return List.copyOf(routes.values());
    }

    /** Every interface marked {@link ModuleApi} in the jars and folders that hold classes of package {@code forum}. */
    static List<Class<?>> findApis(ClassLoader loader) {
        Set<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT + "/");
            for (URL root : Collections.list(roots)) {
                classNames.addAll(classesBelow(root));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the class path: " + e.getMessage(), e);
        }
        List<Class<?>> apis = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class that needs what this tool does not carry (the platform's Spring beans)
            }
            if (type.isInterface() && type.isAnnotationPresent(ModuleApi.class)) {
                apis.add(type);
            }
        }
        if (apis.isEmpty()) {
            throw new IllegalStateException("no module API (an interface marked @ModuleApi) on the class path; "
                    + "the forum-*-api jars belong beside this tool (target/lib)");
        }
        return apis;
    }

    private static Set<String> classesBelow(URL root) throws IOException {
        Set<String> names = new TreeSet<>();
        if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    addClass(entry.getName(), names);
                }
            }
        } else if ("file".equals(root.getProtocol())) {
            Path folder;
            try {
                folder = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            Path base = folder.getParent();
            try (Stream<Path> files = Files.walk(folder)) {
                files.forEach(file -> addClass(base.relativize(file).toString().replace('\\', '/'), names));
            }
        }
        return names;
    }

    private static void addClass(String entry, Set<String> names) {
        if (entry.startsWith(ROOT + "/") && entry.endsWith(".class") && !entry.endsWith("module-info.class")
                && !entry.endsWith("package-info.class")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
