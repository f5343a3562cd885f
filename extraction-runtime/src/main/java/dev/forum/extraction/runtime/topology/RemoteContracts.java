package dev.forum.extraction.runtime.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.asm.ClassReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Which HTTP contracts of the remote modules get a client in this process ({@link Topology#remoteContracts}), and the
 * start refusals of the contracts a local module calls that are missing or that the run time's blocking client cannot
 * serve.
 *
 * <p>A missing contract: a service jar holds the contracts its modules' classes use (and what those extend), so a
 * contract of a called module may be missing for two good reasons: it extends one that is here and only that one is
 * called, or no local class uses it at all. Which of its contracts a missing one extends cannot be read (its class is not
 * here), so the rule is what the class path shows: when none of a called module's contracts is here, the start is
 * refused in one line naming them; when some are, each missing one that a class of a local module uses (its class file
 * names the contract, as a constructor or field of an injected client does) is refused in one line naming the module
 * and the contract. Only the local modules' classes are read, and only when a called module misses a contract.
 */
final class RemoteContracts {

    private RemoteContracts() {
    }

    /**
     * @param metadata    the application's modules
     * @param local       the modules that run here
     * @param remote      the remote modules that have a URL, in order
     * @param classLoader the application's
     * @return module to its contract interfaces that get a client, loaded, in module order (class doc of {@link Topology#remoteContracts})
     * @throws InvalidTopologyException as {@link Topology#remoteContracts} says, one line per refusal
     */
    static Map<String, List<Class<?>>> of(ModuleMetadata metadata, Set<String> local, Set<String> remote, ClassLoader classLoader) {
        Map<String, List<Class<?>>> contracts = new TreeMap<>();
        List<String> missingRefusals = new ArrayList<>();
        List<String> unservable = new ArrayList<>();
        LocalClasses localClasses = new LocalClasses(metadata, local, classLoader);
        for (String module : remote) {
            List<String> callers = Topology.calledBy(metadata, local, module);
            List<Class<?>> loaded = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String contract : metadata.module(module).orElseThrow().contracts()) {
                if (ClassUtils.isPresent(contract, classLoader)) {
                    loaded.add(ClassUtils.resolveClassName(contract, classLoader));
                } else {
                    missing.add(contract);
                }
            }
            if (!callers.isEmpty() && !missing.isEmpty()) {
                missingRefusals.addAll(missing(module, callers, loaded, missing, localClasses));
            }
            for (Class<?> api : mostSpecific(loaded)) {
                contracts.computeIfAbsent(module, m -> new ArrayList<>()).add(api);
                if (!callers.isEmpty()) {
                    unservable.addAll(BlockingContracts.refusals(module, api));
                }
            }
        }
        if (missingRefusals.size() == 1) {
            throw new InvalidTopologyException(missingRefusals.get(0));
        }
        if (!missingRefusals.isEmpty()) {
            throw new InvalidTopologyException(missingRefusals.size() + " contracts of remote modules that local modules"
                    + " call are not on the class path:", missingRefusals);
        }
        if (unservable.size() == 1) {
            throw new InvalidTopologyException(unservable.get(0));
        }
        if (!unservable.isEmpty()) {
            throw new InvalidTopologyException(unservable.size() + " methods of remote modules' contracts that the run"
                    + " time's blocking HTTP client cannot serve:", unservable);
        }
        return contracts;
    }

    /** The refusals of a called module's missing contracts (class doc): none, one line, or one line per contract used. */
    private static List<String> missing(String module, List<String> callers, List<Class<?>> loaded, List<String> missing,
            LocalClasses localClasses) {
        String calls = String.join(", ", callers) + " call" + (callers.size() == 1 ? "s" : "") + " module '" + module
                + "' over HTTP, but ";
        String fix = " on the class path: build the service with the extraction plugin (it packs the contracts its modules call)";
        if (loaded.isEmpty()) {
            return List.of(calls + (missing.size() == 1 ? "its contract " + missing.get(0) + " is not"
                    : "none of its contracts (" + String.join(", ", missing) + ") is") + fix);
        }
        return missing.stream().filter(localClasses::use).map(contract -> calls + "its contract " + contract + " is not" + fix)
                .toList();
    }

    /** The contracts that no other of the list extends, in list order. */
    static List<Class<?>> mostSpecific(List<Class<?>> contracts) {
        return contracts.stream()
                .filter(api -> contracts.stream().noneMatch(other -> other != api && api.isAssignableFrom(other)))
                .toList();
    }

    /**
     * The class files of the local modules, read once when first asked: whether one of them names a class (in its
     * constant pool, as a type it uses or a descriptor of a constructor, field or method).
     */
    static final class LocalClasses {

        private final ModuleMetadata metadata;
        private final Set<String> local;
        private final ClassLoader classLoader;
        private Map<String, byte[]> files;

        LocalClasses(ModuleMetadata metadata, Set<String> local, ClassLoader classLoader) {
            this.metadata = metadata;
            this.local = local;
            this.classLoader = classLoader;
        }

        /**
         * @param className a class's binary name, e.g. {@code shop.catalog.ReviewsApi}
         * @return whether a class of a local module names it
         * @throws UncheckedIOException when a class file of a local module cannot be read
         */
        boolean use(String className) {
            byte[] name = className.replace('.', '/').getBytes(StandardCharsets.UTF_8);
            return files().values().stream().anyMatch(bytes -> names(bytes, name));
        }

        /** Class name to class file, of every class on the class path in a local module's packages that belongs to it. */
        private Map<String, byte[]> files() {
            if (files == null) {
                files = new LinkedHashMap<>();
                PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
                for (ModuleMetadata.ModuleInfo module : metadata.modules()) {
                    if (!local.contains(module.name())) {
                        continue;
                    }
                    for (String packageName : module.packages()) {
                        try {
                            for (Resource resource : resolver.getResources("classpath*:" + packageName.replace('.', '/')
                                    + "/**/*.class")) {
                                byte[] bytes;
                                try (InputStream in = resource.getInputStream()) {
                                    bytes = in.readAllBytes();
                                }
                                String className = new ClassReader(bytes).getClassName().replace('/', '.');
                                Optional<String> owner = metadata.moduleOf(className).map(ModuleMetadata.ModuleInfo::name);
                                if (owner.isPresent() && local.contains(owner.get())) {
                                    files.put(className, bytes);
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException("Cannot read the classes of module '" + module.name() + "'", e);
                        }
                    }
                }
            }
            return files;
        }

        /**
         * Whether a class file names a class by its internal name ({@code shop/catalog/ReviewsApi}): as a constant of its
         * own (the class a constant pool entry refers to: a text entry, tag 1, of exactly that length) or in a
         * descriptor or signature ({@code Lshop/catalog/ReviewsApi;}, {@code ...<Lshop/catalog/ReviewsApi;>}). Not
         * found in a longer name ({@code shop/catalog/ReviewsApiV2}, {@code shop/catalog/ReviewsApi$Part}).
         */
        static boolean names(byte[] classFile, byte[] internalName) {
            int length = internalName.length;
            outer:
            for (int i = 1; i + length <= classFile.length; i++) {
                for (int j = 0; j < length; j++) {
                    if (classFile[i + j] != internalName[j]) {
                        continue outer;
                    }
                }
                boolean constant = i >= 3 && classFile[i - 3] == 1
                        && ((classFile[i - 2] & 0xff) << 8 | (classFile[i - 1] & 0xff)) == length;
                int after = i + length;
                boolean descriptor = classFile[i - 1] == 'L' && after < classFile.length
                        && (classFile[after] == ';' || classFile[after] == '<');
                if (constant || descriptor) {
                    return true;
                }
            }
            return false;
        }
    }
}
