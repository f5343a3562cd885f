package dev.forum.extraction.runtime.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.asm.ClassReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ResourceUtils;

/**
 * Which classes the local modules' classes use ({@link RemoteContracts}), read once, when first asked, from the class
 * files of every local module's packages on the class path: in folders and jars through Spring's {@code classpath*:}
 * search and, for a package it finds nothing of (a jar without folder entries, which that search cannot look into),
 * through the entries of every jar on the class path. A local module of which neither finds a class is logged at WARN
 * in one line: the missing contracts its classes may use are then not refused at start.
 *
 * <p>What a class uses is read with Spring's ASM ({@link ClassUse}): a mention only inside an annotation is no use, and
 * a use under {@code @ConditionalOnClass} naming the class is none: on the class or an enclosing class, or on the method
 * the use is in, including the code compiled out of that method (its lambdas, javac's and Kotlin 2's, serializable ones
 * too; a class declared in it).
 */
final class LocalClassUses {

    private static final Logger log = LoggerFactory.getLogger(LocalClassUses.class);

    private final ModuleMetadata metadata;
    private final Set<String> local;
    private final ClassLoader classLoader;
    private Map<String, ClassUse> classes;

    /**
     * @param metadata    the application's modules
     * @param local       the modules that run here
     * @param classLoader the application's, whose class path is searched
     */
    LocalClassUses(ModuleMetadata metadata, Set<String> local, ClassLoader classLoader) {
        this.metadata = metadata;
        this.local = local;
        this.classLoader = classLoader;
    }

    /**
     * @param className a class's binary name, e.g. {@code shop.catalog.ReviewsApi}
     * @return whether a class of a local module uses it, not guarded by {@code @ConditionalOnClass} naming it
     * @throws UncheckedIOException when the class path cannot be searched or a class file of a local module read
     * @throws IllegalArgumentException when a local module's class file is malformed (ASM's message)
     */
    boolean use(String className) {
        String internalName = className.replace('.', '/');
        return classes().values().stream().anyMatch(use -> use.uses().contains(internalName) && !guarded(use, internalName));
    }

    /**
     * Whether {@code @ConditionalOnClass} names the class on the class or one enclosing it, or on the method (or the
     * method a lambda was compiled out of) that the class or one enclosing it is declared in.
     */
    private boolean guarded(ClassUse use, String internalName) {
        for (ClassUse at = use; at != null; at = outer(at)) {
            if (at.guards().contains(internalName)) {
                return true;
            }
            ClassUse outer = outer(at);
            if (outer != null && at.outerMethod() != null
                    && outer.methodGuards().getOrDefault(at.outerMethod(), Set.of()).contains(internalName)) {
                return true;
            }
        }
        return false;
    }

    /** The class a class is nested in, when it is one of the local modules'. */
    private ClassUse outer(ClassUse use) {
        return use.outer() == null ? null : classes.get(use.outer().replace('/', '.'));
    }

    /** Class name to what it uses, of every class on the class path in a local module's packages that belongs to it. */
    private Map<String, ClassUse> classes() {
        if (classes != null) {
            return classes;
        }
        Map<String, ClassUse> read = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        List<JarRoot> jars = null;
        for (ModuleMetadata.ModuleInfo module : metadata.modules()) {
            if (!local.contains(module.name())) {
                continue;
            }
            int before = read.size();
            try {
                for (String packageName : module.packages()) {
                    String folder = packageName.replace('.', '/') + "/";
                    boolean found = false;
                    for (Resource resource : resolver.getResources("classpath*:" + folder + "**/*.class")) {
                        try (InputStream in = resource.getInputStream()) {
                            found |= add(read, in.readAllBytes());
                        }
                    }
                    if (!found) {
                        jars = jars == null ? jars(resolver) : jars;
                        readFromJars(read, jars, folder);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the classes of module '" + module.name() + "'", e);
            }
            if (read.size() == before) {
                log.warn("No class of local module '{}' found on the class path (packages {}): a missing remote contract"
                        + " it uses is not refused at start", module.name(), String.join(", ", module.packages()));
            }
        }
        classes = read;
        return read;
    }

    /** Adds a class file to {@code into} when it belongs to a local module; whether it did. */
    private boolean add(Map<String, ClassUse> into, byte[] classFile) {
        ClassUse use = ClassUse.read(classFile);
        String className = use.name().replace('/', '.');
        Optional<String> owner = metadata.moduleOf(className).map(ModuleMetadata.ModuleInfo::name);
        if (owner.isPresent() && local.contains(owner.get())) {
            into.put(className, use);
            return true;
        }
        return false;
    }

    /**
     * The jar files on the class path, each with the folder of it that is the root ({@code ""}, or Boot's
     * {@code BOOT-INF/classes/}); one that cannot be opened is left out (DEBUG), as the class loader cannot read it either.
     */
    private static List<JarRoot> jars(PathMatchingResourcePatternResolver resolver) throws IOException {
        List<JarRoot> jars = new ArrayList<>();
        for (Resource root : resolver.getResources("classpath*:")) {
            if (ResourceUtils.isJarURL(root.getURL())) {
                try {
                    URLConnection connection = root.getURL().openConnection();
                    if (connection instanceof JarURLConnection jar) {
                        jars.add(new JarRoot(jar.getJarFile(), jar.getEntryName() == null ? "" : jar.getEntryName()));
                    }
                } catch (IOException e) {
                    log.debug("Cannot open {} to look for the local modules' classes: {}", root, e.toString());
                }
            }
        }
        return jars;
    }

    /** Adds to {@code into} the class files under a package folder of each jar, by the jar's entries (folder entries or none). */
    private void readFromJars(Map<String, ClassUse> into, List<JarRoot> jars, String folder) throws IOException {
        for (JarRoot jar : jars) {
            Enumeration<JarEntry> entries = jar.file().entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(jar.root() + folder) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.file().getInputStream(entry)) {
                        add(into, in.readAllBytes());
                    }
                }
            }
        }
    }

    /** A jar on the class path and the folder of it that is the class path's root. */
    private record JarRoot(JarFile file, String root) {
    }
}
