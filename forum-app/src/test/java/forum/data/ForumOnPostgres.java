package forum.data;

import dev.forum.datamove.support.ModuleDatabases;
import forum.ForumApplication;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole forum started on a {@link ModuleDatabases} pair as a deployment starts it: every module on the pair's
 * source (the shared database) as its own runtime and owner roles, the posts module also given the other database
 * ({@code forum.datasource.posts.moved.url}), sample data loaded where a table is empty, a random port.
 */
final class ForumOnPostgres {

    private ForumOnPostgres() {
    }

    /** The settings above, in order; callers may change or remove some before {@link #start}. */
    static Map<String, String> settings(ModuleDatabases pair) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", pair.source.jdbcUrl());
        for (String module : List.of("users", "threads", "posts")) {
            settings.put("forum.datasource." + module + ".username", ModuleDatabases.runtime(module));
            settings.put("forum.datasource." + module + ".password", ModuleDatabases.RUNTIME_PASSWORD);
            settings.put("forum.datasource." + module + ".owner.username", ModuleDatabases.owner(module));
            settings.put("forum.datasource." + module + ".owner.password", ModuleDatabases.OWNER_PASSWORD);
        }
        settings.put("forum.datasource.posts.moved.url", pair.target.jdbcUrl());
        settings.put("forum.seed-data", "always");
        settings.put("server.port", "0");
        return settings;
    }

    /** Starts the forum with these settings (as command-line arguments: they outrank the tests' H2 properties). */
    static ConfigurableApplicationContext start(Map<String, String> settings) {
        return new SpringApplicationBuilder(ForumApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /**
     * Starts the forum as a later release would: with {@code extraResources} (a folder laid out like a jar's root, e.g.
     * {@code db/migration/posts/V3__x.sql}) on the class path as well, through the starting thread's context class
     * loader, which Flyway scans.
     *
     * @throws MalformedURLException never for a real folder
     */
    static ConfigurableApplicationContext startWith(Path extraResources, Map<String, String> settings)
            throws MalformedURLException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(new URLClassLoader(new URL[] {extraResources.toUri().toURL()}, before));
        try {
            return start(settings);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
