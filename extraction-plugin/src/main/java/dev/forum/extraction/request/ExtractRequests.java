package dev.forum.extraction.request;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ServiceRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the requested names into services: each name is a module (a service of its own) or a
 * configured group (one service holding the group's modules).
 */
public final class ExtractRequests {

    /** Profiles named {@code extract=<name>} request a name too; Maven only warns for an unknown profile. */
    public static final String PROFILE_PREFIX = "extract=";

    private ExtractRequests() {
    }

    /** The names asked for by the property and the active profiles, in order, once each; empty for none. */
    public static List<String> requestedNames(String property, Collection<String> activeProfiles) {
        Set<String> names = new LinkedHashSet<>();
        if (property != null && !property.isBlank()) {
            for (String entry : property.split(",", -1)) {
                if (entry.isBlank()) {
                    throw new ExtractionException("-Dextract=" + property
                            + " has an empty entry: list modules or groups separated by commas, e.g. -Dextract=posts,threads");
                }
                names.add(entry.trim());
            }
        }
        for (String profile : activeProfiles) {
            if (profile.startsWith(PROFILE_PREFIX)) {
                String name = profile.substring(PROFILE_PREFIX.length()).trim();
                if (name.isEmpty()) {
                    throw new ExtractionException("Profile '" + profile + "' names nothing: use -Pextract=<module or group>");
                }
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * One service per name.
     *
     * @param groups  group name to its comma-separated modules
     * @param modules the modules that can be extracted
     */
    public static List<ServiceRequest> resolve(List<String> names, Map<String, String> groups, List<String> modules) {
        Map<String, List<String>> parsedGroups = parseGroups(groups == null ? Map.of() : groups, modules);
        List<ServiceRequest> requests = new ArrayList<>();
        for (String name : names) {
            if (modules.contains(name)) {
                requests.add(new ServiceRequest(name, List.of(name)));
            } else if (parsedGroups.containsKey(name)) {
                requests.add(new ServiceRequest(name, parsedGroups.get(name)));
            } else {
                throw new ExtractionException("Unknown module or group '" + name + "' (from -Dextract or -Pextract="
                        + name + "): valid are " + validNames(modules, parsedGroups.keySet()));
            }
        }
        return requests;
    }

    private static Map<String, List<String>> parseGroups(Map<String, String> groups, List<String> modules) {
        Map<String, List<String>> parsed = new TreeMap<>();
        groups.forEach((group, value) -> {
            if (modules.contains(group)) {
                throw new ExtractionException("Group '" + group + "' has a module's name: rename the group in <groups>");
            }
            List<String> members = new ArrayList<>();
            for (String member : (value == null ? "" : value).split(",", -1)) {
                String module = member.trim();
                if (module.isEmpty()) {
                    throw new ExtractionException("Group '" + group + "' has an empty entry: write <" + group
                            + ">module,module</" + group + "> in <groups>");
                }
                if (!modules.contains(module)) {
                    throw new ExtractionException("Group '" + group + "' lists unknown module '" + module
                            + "': valid modules are " + String.join(", ", modules));
                }
                if (members.contains(module)) {
                    throw new ExtractionException("Group '" + group + "' lists '" + module + "' twice: list it once");
                }
                members.add(module);
            }
            parsed.put(group, members);
        });
        return parsed;
    }

    private static String validNames(List<String> modules, Set<String> groups) {
        return "modules " + String.join(", ", modules)
                + (groups.isEmpty() ? "" : "; groups " + String.join(", ", groups));
    }
}
