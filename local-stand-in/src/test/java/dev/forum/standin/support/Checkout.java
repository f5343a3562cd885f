package dev.forum.standin.support;

import dev.forum.standin.contracts.ModuleContracts;
import dev.forum.standin.stand.DataMoveCommands;
import dev.forum.standin.stand.ServiceJars;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The repository the tests run in: its topologies and its built jars. */
public final class Checkout {

    private static final Object BUILD_LOCK = new Object();

    private Checkout() {
    }

    /** The repository's root (surefire passes it; the tests run in local-stand-in/). */
    public static Path root() {
        String configured = System.getProperty("forum.root");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    public static Topology topology(String name) {
        return Topology.resolve(TopologyFile.read(root().resolve("deploy/topologies").resolve(name)),
                ModuleContracts.onClassPath());
    }

    /**
     * The service jar of {@code service}, built with the monolith jar of this build. When it is missing or was built
     * from other code, this runs the project's own build once: {@code ./mvnw -Dextract=<service> -Dextract.image=false
     * -Dmaven.compiler.useIncrementalCompilation=false package -DskipTests -pl forum-app -am} from the root, bounded to
     * 10 minutes.
     */
    public static Path serviceJar(String service) {
        ServiceJars jars = new ServiceJars(root());
        synchronized (BUILD_LOCK) {
            Optional<Path> jar = jars.extracted(service);
            String why = jar.isEmpty() ? "missing" : jars.staleness(jar.get());
            if (why == null) {
                return jar.get();
            }
            System.out.println("[system-test] the " + service + " service jar is " + why + ": building it with `./mvnw -B -ntp -q "
                    + "-Dextract=" + service + " -Dextract.image=false -Dmaven.compiler.useIncrementalCompilation=false package"
                    + " -DskipTests -pl forum-app -am`");
            build(service);
            jar = jars.extracted(service);
            if (jar.isEmpty()) {
                throw new IllegalStateException("the build did not write forum-app/target/services/" + service + "/" + service + ".jar");
            }
            String stale = jars.staleness(jar.get());
            if (stale != null) {
                throw new IllegalStateException("the freshly built " + jar.get() + " does not match the monolith jar: " + stale);
            }
            return jar.get();
        }
    }

    /**
     * data-move's command line, {@code data-move/target/data-move.jar} with its {@code lib/}: a build that ran to
     * {@code package} has made it; when it is missing, this builds it once with {@code ./mvnw -B -ntp -q package
     * -DskipTests -Dinvoker.skip=true -pl data-move -am} from the root, bounded to 10 minutes.
     */
    public static Path dataMoveJar() {
        Path jar = root().resolve(DataMoveCommands.JAR);
        synchronized (BUILD_LOCK) {
            if (!Files.isRegularFile(jar)) {
                System.out.println("[system-test] " + jar + " is missing: building it with `./mvnw -B -ntp -q package"
                        + " -DskipTests -Dinvoker.skip=true -pl data-move -am`");
                build("data-move", List.of("package", "-DskipTests", "-Dinvoker.skip=true", "-pl", "data-move", "-am"),
                        "data-move-jar.log");
            }
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the build did not write " + jar);
            }
            return jar;
        }
    }

    private static void build(String service) {
        // -DskipTests, not -Dmaven.test.skip: forum-app's test dependencies include data-move's test jar, which the
        // reactor can only give when it is built; on a machine whose Maven repository holds no copy, it must be.
        // useIncrementalCompilation=false: recompile stale sources only. The compiler's default recompiles a module
        // whenever a dependency's jar was rewritten, which this build does to every module: 88 s instead of 30 s.
        build("the " + service + " service jar", List.of("-Dextract=" + service, "-Dextract.image=false",
                "-Dmaven.compiler.useIncrementalCompilation=false", "package", "-DskipTests", "-pl", "forum-app", "-am"),
                "extract-" + service + ".log");
    }

    /** Runs {@code ./mvnw -B -ntp -q ARGUMENTS} from the root, its output in {@code local-stand-in/target/LOG}. */
    private static void build(String what, List<String> arguments, String logName) {
        Path root = root();
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp", "-q"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Path log = root.resolve("local-stand-in/target/" + logName);
        builder.redirectOutput(log.toFile());
        String javaHome = System.getProperty("forum.maven.javaHome");
        if (javaHome != null && !javaHome.isBlank()) {
            builder.environment().put("JAVA_HOME", javaHome); // the JDK Maven runs on, not this test's JDK 25
        }
        builder.environment().remove("MAVEN_ARGS");
        try {
            Files.createDirectories(log.getParent());
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("building " + what + " took over 10 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("building " + what + " failed (exit " + process.exitValue()
                        + "); see " + log + ":\n" + Files.readString(log));
            }
            System.out.printf("[system-test] built %s in %.0f s%n", what, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ./mvnw: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + what, e);
        }
    }
}
