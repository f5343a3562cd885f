package dev.forum.standin.stand;

import dev.forum.datamove.Endpoint;
import dev.forum.standin.db.LocalPostgres;
import dev.forum.standin.process.Jdk;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The data-move command lines ({@code data-move/README.md}, "Try it locally") for moving a module's data by hand
 * between a stand-in's own servers, which {@code up} prints for every module of each service with a database of its
 * own: {@code status}, the move to the service's database and the move back, each a whole shell line with the three
 * password variables set to the run's real values, ready to paste into another terminal. They name the databases and
 * roles as the stand-in's own moves do ({@link DataMoves}): {@code shared} and {@code <service>_own}, the servers'
 * superuser as administrator, the module's owner and runtime roles, and the module's migrations from data-move's
 * class path, as the move image runs them.
 */
public final class DataMoveCommands {

    /** data-move's command line, relative to the checkout (built by {@code ./mvnw package}, its {@code lib/} beside it). */
    public static final String JAR = "data-move/target/data-move.jar";
    /** What needs no quoting in a POSIX shell word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private DataMoveCommands() {
    }

    /**
     * The lines for a running stand-in: its topology's own-database services, its servers, the JDK it runs the
     * forum with ({@link Jdk#java()}) and its checkout's data-move jar.
     *
     * @return as {@link #render}; empty when no service of the topology has a database of its own
     * @throws IllegalStateException when no JDK 25 is found
     */
    public static List<String> of(Stand stand) {
        if (stand.ownDatabases().isEmpty()) {
            return List.of();
        }
        return render(stand.layout(), stand.database(), stand.ownDatabases(), Jdk.java(), stand.root());
    }

    /**
     * Renders the lines: for each module of each service of {@code layout} that has a database of its own, a comment
     * line ({@code # ...}) before each of three commands: {@code status}, {@code move} from the shared database to the
     * service's, {@code move} back. Every line can be pasted into a POSIX shell as it is (the comments too).
     *
     * @param shared the shared database (its superuser administers the move there)
     * @param own    each service's own database, by service name
     * @param java   the {@code java} of a JDK 25
     * @param root   the checkout, where {@link #JAR} is (a line says how to build it when it is missing)
     * @return the lines, without line ends; empty when no service has a database of its own
     * @throws IllegalArgumentException when a service with a database of its own has none in {@code own}
     */
    public static List<String> render(Topology layout, LocalPostgres shared, Map<String, LocalPostgres> own, Path java,
            Path root) {
        List<String> lines = new ArrayList<>();
        Path jar = root.resolve(JAR);
        for (ServiceSpec service : layout.extracted().stream().filter(ServiceSpec::ownDatabase).toList()) {
            LocalPostgres database = own.get(service.name());
            if (database == null) {
                throw new IllegalArgumentException("no database of its own for service " + service.name());
            }
            Endpoint from = shared.moveEndpoint(DataMoves.SHARED);
            Endpoint to = database.moveEndpoint(DataMoves.label(service.name()));
            for (String module : service.modules()) {
                LocalPostgres.Role role = shared.role(module);
                lines.add("# " + module + ": where its data is (" + from.label() + " 127.0.0.1:" + from.port() + ", "
                        + to.label() + " 127.0.0.1:" + to.port() + ")");
                lines.add(command(java, jar, "status", module, from, to, role));
                lines.add("# move it to " + to.label() + " (with abort for move: end a move stopped before its switch;"
                        + " with drop-source: after it, drop " + from.label() + "'s copy)");
                lines.add(command(java, jar, "move", module, from, to, role));
                lines.add("# move it back to " + from.label() + " (with drop-source for move: after it, drop "
                        + to.label() + "'s copy)");
                lines.add(command(java, jar, "move", module, to, from, role));
            }
        }
        if (!lines.isEmpty() && !Files.isRegularFile(jar)) {
            lines.addFirst("# " + jar + " is not built yet: ./mvnw -pl data-move -am package -DskipTests -Dinvoker.skip=true");
        }
        return lines;
    }

    private static String command(Path java, Path jar, String command, String module, Endpoint source, Endpoint target,
            LocalPostgres.Role role) {
        return String.join(" ", List.of(
                "FORUM_MOVE_SOURCE_PASSWORD=" + quote(source.password()),
                "FORUM_MOVE_TARGET_PASSWORD=" + quote(target.password()),
                "FORUM_MOVE_OWNER_PASSWORD=" + quote(role.ownerPassword()),
                quote(java.toString()), "-jar", quote(jar.toString()), command, "--module", module,
                "--source", address(source), "--source-user", source.user(),
                "--target", address(target), "--target-user", target.user(),
                "--owner", role.owner(), "--runtime-role", role.name(),
                "--migrations", "classpath:db/migration/" + module));
    }

    /** {@code LABEL@HOST:PORT/DB}, as data-move reads it. */
    private static String address(Endpoint endpoint) {
        return endpoint.label() + "@" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database();
    }

    /** The word as it is, or in single quotes where a shell would read it otherwise (a path with a space). */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
