package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;

/**
 * A called module's contract missing from the class path while another of its contracts is here: refused at start, one
 * line naming the module and the contract, when a local module's class uses it; no refusal when none does (a service
 * that calls only the super-interface carries it, not the contract extending it). In: the class files a service jar
 * holds, written here; out: the clients and the refusals.
 */
class RemoteContractsTest {

    /** catalog answers ReadApi, CatalogApi (extends ReadApi) and ReviewsApi; orders and shipping call it. */
    private static final String METADATA = """
            format=1
            modules=catalog,orders,shipping
            module.catalog.packages=t7.catalog
            module.catalog.contracts=t7.catalog.CatalogApi,t7.catalog.ReadApi,t7.catalog.ReviewsApi
            module.orders.packages=t7.orders
            module.orders.calls=catalog
            module.shipping.packages=t7.shipping
            module.shipping.calls=catalog
            """;

    @TempDir
    static Path classes;

    private static ClassLoader loader;

    /**
     * Writes the classes a service jar of orders and shipping holds: of catalog's contracts only ReadApi (and an
     * unrelated ReviewsApiV2), not CatalogApi (which extends ReadApi) nor ReviewsApi.
     */
    @BeforeAll
    static void writeTheClassesAServiceJarHolds() throws IOException {
        write(type("t7/catalog/ReadApi", true));
        write(type("t7/catalog/ReviewsApiV2", true));
        // orders injects ReadApi and ReviewsApi; shipping a list of ReadApi (a signature) and ReviewsApiV2.
        write(type("t7/orders/Orders", false, "read", "Lt7/catalog/ReadApi;", null,
                "reviews", "Lt7/catalog/ReviewsApi;", null));
        write(type("t7/shipping/Shipping", false, "reads", "Ljava/util/List;", "Ljava/util/List<Lt7/catalog/ReadApi;>;",
                "other", "Lt7/catalog/ReviewsApiV2;", null));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RemoteContractsTest.class.getClassLoader());
    }

    /** A class file: an interface, or a class with fields given as name, descriptor and signature (or null). */
    private static ClassWriter type(String name, boolean isInterface, String... fields) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0),
                name, null, "java/lang/Object", null);
        for (int i = 0; i < fields.length; i += 3) {
            writer.visitField(Opcodes.ACC_PRIVATE, fields[i], fields[i + 1], fields[i + 2], null).visitEnd();
        }
        writer.visitEnd();
        return writer;
    }

    private static void write(ClassWriter type) throws IOException {
        byte[] bytes = type.toByteArray();
        Path file = classes.resolve(new org.springframework.asm.ClassReader(bytes).getClassName() + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static Topology topology(String... local) throws IOException {
        return Topology.resolve(new TopologySettings(Set.of(local), URI.create("http://lb"), Map.of(), Duration.ofMillis(250),
                Duration.ofMillis(800)), TopologyTest.metadata(METADATA));
    }

    @Test
    void aMissingContractALocalClassUsesIsRefusedNamingTheModuleAndTheContract() throws IOException {
        assertThatThrownBy(() -> topology("orders").remoteContracts(loader)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage("orders calls module 'catalog' over HTTP, but its contract t7.catalog.ReviewsApi is not on the"
                        + " class path: build the service with the extraction plugin (it packs the contracts its modules call)");
    }

    @Test
    void aMissingContractNoLocalClassUsesIsNoRefusal() throws IOException {
        // shipping uses ReadApi (in a signature) and ReviewsApiV2, whose name begins with the missing ReviewsApi's.
        Map<String, List<Class<?>>> contracts = topology("shipping").remoteContracts(loader);

        assertThat(contracts).containsOnlyKeys("catalog");
        assertThat(contracts.get("catalog")).extracting(Class::getName).containsExactly("t7.catalog.ReadApi");
    }

    @Test
    void aClassFileNamesAClassAsAConstantOrInADescriptorNotAsPartOfALongerName() {
        byte[] name = "t7/catalog/ReviewsApi".getBytes(StandardCharsets.UTF_8);
        assertThat(RemoteContracts.LocalClasses.names(bytes("x(Lt7/catalog/ReviewsApi;)V"), name)).isTrue();
        assertThat(RemoteContracts.LocalClasses.names(bytes("Ljava/util/List<Lt7/catalog/ReviewsApi;>;"), name)).isTrue();
        byte[] constant = new byte[3 + name.length];
        constant[0] = 1;
        constant[2] = (byte) name.length;
        System.arraycopy(name, 0, constant, 3, name.length);
        assertThat(RemoteContracts.LocalClasses.names(constant, name)).isTrue();
        assertThat(RemoteContracts.LocalClasses.names(bytes("(Lt7/catalog/ReviewsApiV2;)V"), name)).isFalse();
        assertThat(RemoteContracts.LocalClasses.names(bytes("(Lt7/catalog/ReviewsApi$Part;)V"), name)).isFalse();
        assertThat(RemoteContracts.LocalClasses.names(bytes("Lxt7/catalog/ReviewsApi;"), name)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
