package dev.forum.extraction.runtime.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * refused in one line naming them; when some are, each missing one that a class of a local module uses (its fields,
 * methods or code name the contract, as a constructor or field of an injected client does; not a mention only in an
 * annotation, nor a use under {@code @ConditionalOnClass} naming it on the class, a class enclosing it, or the method,
 * whose lambdas (javac's and Kotlin 2's, serializable ones too) and the classes declared in it count as the method:
 * {@link LocalClassUses}) is refused in one line naming the module and the contract. Only the local modules' classes are
 * read, and only when a called module misses a contract while another of its contracts is here.
 */
final class RemoteContracts {

    private RemoteContracts() {
    }

    /**
     * @param metadata    the application's modules
     * @param local       the modules that run here
     * @param remote      the remote modules that have a URL, in order
     * @param classLoader the application's
     * @return module to its contract interfaces that get a client, loaded, in module order (class doc of {@link Topology#remoteContracts});
     *     unmodifiable
     * @throws InvalidTopologyException as {@link Topology#remoteContracts} says, one line per refusal
     * @throws java.io.UncheckedIOException when a local module's class file cannot be read
     */
    static Map<String, List<Class<?>>> of(ModuleMetadata metadata, Set<String> local, Set<String> remote, ClassLoader classLoader) {
        Map<String, List<Class<?>>> contracts = new TreeMap<>();
        List<String> missingRefusals = new ArrayList<>();
        List<String> unservable = new ArrayList<>();
        LocalClassUses localClasses = new LocalClassUses(metadata, local, classLoader);
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
            List<Class<?>> clients = mostSpecific(loaded);
            if (!clients.isEmpty()) {
                contracts.put(module, clients);
            }
            if (!callers.isEmpty()) {
                clients.forEach(api -> unservable.addAll(BlockingContracts.refusals(module, api)));
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
        return Collections.unmodifiableMap(contracts);
    }

    /** The refusals of a called module's missing contracts (class doc): none, one line, or one line per contract used. */
    private static List<String> missing(String module, List<String> callers, List<Class<?>> loaded, List<String> missing,
            LocalClassUses localClasses) {
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
}
