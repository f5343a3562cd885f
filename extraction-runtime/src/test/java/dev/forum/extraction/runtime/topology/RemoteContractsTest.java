package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A called module's contract missing from the class path while another of its contracts is here: refused at start, one
 * line naming the module and the contract, when a local module's class uses it; no refusal when none does (a service
 * that calls only the super-interface carries it, not the contract extending it), nor when a class names it only in an
 * annotation or uses it under {@code @ConditionalOnClass} naming it. In: the class files a service jar holds, written
 * here, in a folder and in a jar without folder entries; out: the clients and the refusals.
 */
class RemoteContractsTest {

    /** catalog answers ReadApi, CatalogApi (extends ReadApi) and ReviewsApi; the others call it. */
    static final String METADATA = """
            format=1
            modules=catalog,orders,shipping,widgets,mixed
            module.catalog.packages=t7.catalog
            module.catalog.contracts=t7.catalog.CatalogApi,t7.catalog.ReadApi,t7.catalog.ReviewsApi
            module.orders.packages=t7.orders
            module.orders.calls=catalog
            module.shipping.packages=t7.shipping
            module.shipping.calls=catalog
            module.widgets.packages=t7.widgets
            module.widgets.calls=catalog
            module.mixed.packages=t7.mixed
            module.mixed.calls=catalog
            """;

    static final String ORDERS_REFUSAL = "orders calls module 'catalog' over HTTP, but its contract t7.catalog.ReviewsApi"
            + " is not on the class path: build the service with the extraction plugin (it packs the contracts its modules call)";

    private static final String REVIEWS = "Lt7/catalog/ReviewsApi;";

    private static final String CONDITIONAL_ON_CLASS = "Lorg/springframework/boot/autoconfigure/condition/ConditionalOnClass;";

    @TempDir
    static Path classes;

    private static ClassLoader loader;

    /** Writes the classes into a folder, the class path of {@link #loader}. */
    @BeforeAll
    static void writeTheClassesAServiceJarHolds() throws IOException {
        for (Map.Entry<String, byte[]> file : classFiles().entrySet()) {
            Path path = classes.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RemoteContractsTest.class.getClassLoader());
    }

    /**
     * The class files a service jar of the modules other than catalog holds, by path: of catalog's contracts only
     * ReadApi (and an unrelated ReviewsApiV2), not CatalogApi (which extends ReadApi) nor ReviewsApi.
     */
    static Map<String, byte[]> classFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        put(files, type("t7/catalog/ReadApi", true));
        put(files, type("t7/catalog/ReviewsApiV2", true));
        // orders injects ReadApi and ReviewsApi; shipping a list of ReadApi (a signature) and ReviewsApiV2.
        put(files, type("t7/orders/Orders", false, "read", "Lt7/catalog/ReadApi;", null, "reviews", REVIEWS, null));
        put(files, type("t7/shipping/Shipping", false, "reads", "Ljava/util/List;", "Ljava/util/List<Lt7/catalog/ReadApi;>;",
                "other", "Lt7/catalog/ReviewsApiV2;", null));
        // widgets names ReviewsApi only in @Import, and uses it under @ConditionalOnClass naming it: on its class (in a
        // class nested in it, too) and on a method.
        ClassWriter imports = type("t7/widgets/Imports", false);
        annotate(imports.visitAnnotation("Lorg/springframework/context/annotation/Import;", true), "value", REVIEWS);
        put(files, imports);
        ClassWriter config = type("t7/widgets/ReviewsConfig", false, "reviews", REVIEWS, null);
        annotate(config.visitAnnotation(CONDITIONAL_ON_CLASS, true), "value", REVIEWS);
        config.visitInnerClass("t7/widgets/ReviewsConfig$Beans", "t7/widgets/ReviewsConfig", "Beans", Opcodes.ACC_STATIC);
        put(files, config);
        ClassWriter beans = type("t7/widgets/ReviewsConfig$Beans", false, "reviews", REVIEWS, null);
        beans.visitInnerClass("t7/widgets/ReviewsConfig$Beans", "t7/widgets/ReviewsConfig", "Beans", Opcodes.ACC_STATIC);
        put(files, beans);
        ClassWriter method = type("t7/widgets/ReviewsBean", false);
        MethodVisitor reviews = method.visitMethod(Opcodes.ACC_ABSTRACT, "reviews", "(" + REVIEWS + ")V", null, null);
        AnnotationVisitor guard = reviews.visitAnnotation(CONDITIONAL_ON_CLASS, true);
        AnnotationVisitor names = guard.visitArray("name");
        names.visit(null, "t7.catalog.ReviewsApi");
        names.visitEnd();
        guard.visitEnd();
        reviews.visitEnd();
        put(files, method);
        // mixed guards with another class than the one it uses.
        ClassWriter mixed = type("t7/mixed/Mixed", false, "reviews", REVIEWS, null);
        annotate(mixed.visitAnnotation(CONDITIONAL_ON_CLASS, true), "value", "Lt7/catalog/ReviewsApiV2;");
        put(files, mixed);
        return files;
    }

    /** A class file: an interface, or a class with fields given as name, descriptor and signature (or null). */
    private static ClassWriter type(String name, boolean isInterface, String... fields) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT
                : Opcodes.ACC_ABSTRACT), name, null, "java/lang/Object", null);
        for (int i = 0; i < fields.length; i += 3) {
            writer.visitField(Opcodes.ACC_PRIVATE, fields[i], fields[i + 1], fields[i + 2], null).visitEnd();
        }
        return writer;
    }

    /** Sets an annotation's class array attribute to one class. */
    private static void annotate(AnnotationVisitor annotation, String attribute, String descriptor) {
        AnnotationVisitor array = annotation.visitArray(attribute);
        array.visit(null, Type.getType(descriptor));
        array.visitEnd();
        annotation.visitEnd();
    }

    private static void put(Map<String, byte[]> files, ClassWriter type) {
        type.visitEnd();
        byte[] bytes = type.toByteArray();
        files.put(new org.springframework.asm.ClassReader(bytes).getClassName() + ".class", bytes);
    }

    /** Writes the class files into a jar: with a path prefix ({@code BOOT-INF/classes/}), without any folder entry. */
    static void writeJar(OutputStream out, String prefix, Map<String, byte[]> files) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(prefix + file.getKey()));
                jar.write(file.getValue());
            }
        }
    }

    static Topology topology(String... local) throws IOException {
        return Topology.resolve(new TopologySettings(Set.of(local), URI.create("http://lb"), Map.of(), Duration.ofMillis(250),
                Duration.ofMillis(800)), TopologyTest.metadata(METADATA));
    }

    @Test
    void aMissingContractALocalClassUsesIsRefusedNamingTheModuleAndTheContract() throws IOException {
        assertThatThrownBy(() -> topology("orders").remoteContracts(loader)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(ORDERS_REFUSAL);
    }

    @Test
    void aMissingContractNoLocalClassUsesIsNoRefusal() throws IOException {
        // shipping uses ReadApi (in a signature) and ReviewsApiV2, whose name begins with the missing ReviewsApi's.
        Map<String, List<Class<?>>> contracts = topology("shipping").remoteContracts(loader);

        assertThat(contracts).containsOnlyKeys("catalog");
        assertThat(contracts.get("catalog")).extracting(Class::getName).containsExactly("t7.catalog.ReadApi");
    }

    @Test
    void aMissingContractNamedOnlyInAnAnnotationOrUsedUnderConditionalOnClassNamingItIsNoRefusal() throws IOException {
        assertThat(topology("widgets").remoteContracts(loader)).containsOnlyKeys("catalog");
    }

    @Test
    void aUseUnderConditionalOnClassNamingAnotherClassIsRefused() {
        assertThatThrownBy(() -> topology("mixed").remoteContracts(loader)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith("mixed calls module 'catalog' over HTTP, but its contract t7.catalog.ReviewsApi is not");
    }

    @Test
    void theContractsAreFoundOncePerClassLoader() throws IOException {
        Topology topology = topology("shipping");
        Map<String, List<Class<?>>> first = topology.remoteContracts(loader);

        assertThat(topology.remoteContracts(loader)).isSameAs(first);
        assertThat(topology.remoteContracts(new URLClassLoader(new URL[] {classes.toUri().toURL()},
                RemoteContractsTest.class.getClassLoader()))).isNotSameAs(first).containsOnlyKeys("catalog");
    }

    @Test
    void theClassesOfAJarWithoutFolderEntriesAreRead(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("service.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            writeJar(out, "", classFiles());
        }
        try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                RemoteContractsTest.class.getClassLoader())) {
            assertThat(jarLoader.getResource("t7/orders/")).as("no folder entry").isNull();
            assertThatThrownBy(() -> topology("orders").remoteContracts(jarLoader)).isInstanceOf(InvalidTopologyException.class)
                    .hasMessage(ORDERS_REFUSAL);
            assertThat(topology("widgets").remoteContracts(jarLoader)).containsOnlyKeys("catalog");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLocalModuleNoneOfWhoseClassesIsFoundIsOneWarningNoRefusal(CapturedOutput output, @TempDir Path dir)
            throws IOException {
        Path jar = dir.resolve("contracts.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            writeJar(out, "", Map.of("t7/catalog/ReadApi.class", classFiles().get("t7/catalog/ReadApi.class")));
        }
        try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                RemoteContractsTest.class.getClassLoader())) {
            assertThat(topology("orders").remoteContracts(jarLoader)).containsOnlyKeys("catalog");
        }
        assertThat(output.getOut()).containsOnlyOnce("No class of local module 'orders' found on the class path (packages"
                + " t7.orders): a missing remote contract it uses is not refused at start");
    }
}
