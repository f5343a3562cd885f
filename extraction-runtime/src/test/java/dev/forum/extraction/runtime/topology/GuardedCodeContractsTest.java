package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.topology.guarded.catalog.ReadApi;
import dev.forum.extraction.runtime.topology.guarded.widgets.ReviewBeans;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing contract that only the code compiled out of a {@code @Bean} method uses (a lambda's body, an anonymous
 * class, a serializable lambda): no start refusal when {@code @ConditionalOnClass} on the method names the contract, the
 * refusal without it.
 * In: javac's class files of {@link ReviewBeans}, one bean class (and the classes compiled out of it) at a time, with
 * catalog's {@link ReadApi} but not its {@code ReviewsApi}, on a class path of their own; out: the clients, or the
 * refusal.
 */
class GuardedCodeContractsTest {

    private static final String GUARDED = "dev.forum.extraction.runtime.topology.guarded";

    private static final String METADATA = """
            format=1
            modules=catalog,widgets
            module.catalog.packages=%1$s.catalog
            module.catalog.contracts=%1$s.catalog.ReadApi,%1$s.catalog.ReviewsApi
            module.widgets.packages=%1$s.widgets
            module.widgets.calls=catalog
            """.formatted(GUARDED);

    private static final String REFUSAL = "widgets calls module 'catalog' over HTTP, but its contract " + GUARDED
            + ".catalog.ReviewsApi is not on the class path: build the service with the extraction plugin (it packs the"
            + " contracts its modules call)";

    @TempDir
    Path dir;

    @Test
    void aContractUsedOnlyInTheLambdaOfAMethodGuardedByConditionalOnClassNamingItIsNoRefusal() throws Exception {
        assertThat(clients(ReviewBeans.GuardedLambda.class)).containsOnlyKeys("catalog");
    }

    @Test
    void aContractCapturedByASerializableLambdaOfAMethodGuardedByConditionalOnClassNamingItIsNoRefusal() throws Exception {
        assertThat(clients(ReviewBeans.GuardedSerializableLambda.class)).containsOnlyKeys("catalog");
    }

    @Test
    void aContractUsedOnlyInAnAnonymousClassOfAMethodGuardedByConditionalOnClassNamingItIsNoRefusal() throws Exception {
        assertThat(clients(ReviewBeans.GuardedAnonymous.class)).containsOnlyKeys("catalog");
    }

    @Test
    void aContractUsedInTheLambdaOfAnUnguardedMethodIsRefused() {
        assertThatThrownBy(() -> clients(ReviewBeans.PlainLambda.class)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void aContractUsedInAnAnonymousClassOfAnUnguardedMethodIsRefused() {
        assertThatThrownBy(() -> clients(ReviewBeans.PlainAnonymous.class)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(REFUSAL);
    }

    /**
     * @param beans a class of {@link ReviewBeans}: its class file and those of the classes compiled out of it
     *              ({@code $1}) are on the class path, with {@code ReadApi}'s
     * @return the clients widgets gets
     */
    private Map<String, List<Class<?>>> clients(Class<?> beans) throws IOException, URISyntaxException {
        copy(ReadApi.class, ReadApi.class.getSimpleName());
        String simpleName = beans.getName().substring(beans.getName().lastIndexOf('.') + 1);
        copy(ReviewBeans.class, simpleName);
        assertThat(dir.resolve(GUARDED.replace('.', '/') + "/catalog/ReviewsApi.class")).doesNotExist();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Topology topology = Topology.resolve(new TopologySettings(Set.of("widgets"), URI.create("http://lb"), Map.of(),
                    Duration.ofMillis(250), Duration.ofMillis(800)), TopologyTest.metadata(METADATA));
            return topology.remoteContracts(loader);
        }
    }

    /** Copies the class files of {@code near}'s folder named {@code name} or {@code name$...} into {@link #dir}. */
    private void copy(Class<?> near, String name) throws IOException, URISyntaxException {
        Path folder = Path.of(near.getResource(near.getSimpleName() + ".class").toURI()).getParent();
        Path into = Files.createDirectories(dir.resolve(near.getPackageName().replace('.', '/')));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.equals(name + ".class") || fileName.startsWith(name + "$")) {
                    Files.copy(file, into.resolve(fileName));
                }
            }
        }
    }
}
