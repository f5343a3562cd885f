package forum.topology;

import forum.ForumApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The forum split in two processes' worth of Spring contexts on loopback: the monolith with users and
 * threads local and posts remote, and the posts service with users and threads remote. Each has its own
 * in-memory database holding only its own modules' schemas.
 */
public final class SplitForum implements AutoCloseable {

    final int monolithPort;
    final int postsPort;
    final ConfigurableApplicationContext monolith;
    final ConfigurableApplicationContext posts;

    private SplitForum(int monolithPort, int postsPort, List<String> extra) {
        this.monolithPort = monolithPort;
        this.postsPort = postsPort;
        this.monolith = start(monolithPort, "monolith", extra,
                "--extraction.topology.local-modules=users,threads",
                "--extraction.topology.remote-urls.posts=http://127.0.0.1:" + postsPort);
        this.posts = start(postsPort, "posts-service", extra,
                "--extraction.topology.local-modules=posts",
                "--extraction.topology.remote-base-url=http://127.0.0.1:" + monolithPort);
    }

    public static SplitForum start(String... extraArguments) {
        return new SplitForum(freePort(), freePort(), List.of(extraArguments));
    }

    /** The posts service alone, every other module at {@code remoteBaseUrl} (which may be down). */
    public static ConfigurableApplicationContext postsServiceAlone(int port, String remoteBaseUrl) {
        return start(port, "posts-service", List.of(), "--extraction.topology.local-modules=posts",
                "--extraction.topology.remote-base-url=" + remoteBaseUrl);
    }

    public int monolithPort() {
        return monolithPort;
    }

    public int postsPort() {
        return postsPort;
    }

    /** Stops the monolith (the users module, the token issuer, with it); the posts service keeps running. */
    public void stopMonolith() {
        monolith.close();
    }

    <T> T monolithBean(Class<T> type) {
        return monolith.getBean(type);
    }

    <T> T postsBean(Class<T> type) {
        return posts.getBean(type);
    }

    private static ConfigurableApplicationContext start(int port, String name, List<String> extra, String... topology) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.application.name=" + name,
                "--spring.datasource.url=jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        arguments.addAll(List.of(topology));
        arguments.addAll(extra);
        return new SpringApplicationBuilder(ForumApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        posts.close();
        monolith.close();
    }
}
