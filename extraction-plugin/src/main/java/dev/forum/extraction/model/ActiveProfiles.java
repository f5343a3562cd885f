package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Profiles;

/**
 * The profiles an application's settings are read for, as Spring Boot 4.1 decides them from the documents that name
 * no profile: the included profiles ({@code spring.profiles.include}), then the deployment's ({@code
 * SPRING_PROFILES_ACTIVE}) when it sets some, else {@code spring.profiles.active}; with none,
 * {@code spring.profiles.default} (else {@code default}); each followed by its {@code spring.profiles.group} members.
 * Also which documents apply once the profiles are known ({@link #applies}). The settings reader
 * ({@link ApplicationProperties}) uses it between reading the files for no profile and reading the profiles' files.
 */
final class ActiveProfiles {

    private static final String ACTIVE = "spring.profiles.active";
    private static final String INCLUDE = "spring.profiles.include";
    private static final String GROUP = "spring.profiles.group.";
    private static final String DEFAULT = "spring.profiles.default";

    private ActiveProfiles() {
    }

    /**
     * @param everyProfile   the documents read before the profiles are known ({@link #forEveryProfile}), lowest
     *                       precedence first
     * @param deployProfiles the profiles the deployment activates, in order; empty or null when it sets none or is not
     *                       known (the documents' {@code spring.profiles.active} then decides)
     * @return the profiles, each once, in Spring Boot's order: the active ones with their groups' members; with none
     *         active, the default ones (see {@link #noneActive})
     */
    static List<String> of(List<SettingsDocument> everyProfile, List<String> deployProfiles) {
        List<String> active = active(everyProfile, deployProfiles);
        return expand(active.isEmpty() ? defaultProfiles(everyProfile) : active, groups(everyProfile));
    }

    /** Whether no profile is active, so that {@link #of} gave the default profiles. */
    static boolean noneActive(List<SettingsDocument> everyProfile, List<String> deployProfiles) {
        return active(everyProfile, deployProfiles).isEmpty();
    }

    /** Whether a document is read before the profiles are known: it names no profile and no cloud platform. */
    static boolean forEveryProfile(SettingsDocument document) {
        return document.forEveryProfile() && onThisPlatform(document);
    }

    /**
     * Whether a document applies with these profiles: its profile expression matches (a malformed one stops the
     * application, so nothing of it applies), and it is for no cloud platform.
     */
    static boolean applies(SettingsDocument document, List<String> profiles) {
        if (!onThisPlatform(document)) {
            return false;
        }
        if (document.forEveryProfile()) {
            return true;
        }
        try {
            return Profiles.of(document.list(SettingsDocument.ON_PROFILE).toArray(String[]::new)).matches(profiles::contains);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spring Boot's {@code Profiles}: the included profiles (highest precedence document first), then the deployment's
     * profiles when it sets some, else the default files' {@code spring.profiles.active}, each once.
     */
    private static List<String> active(List<SettingsDocument> everyProfile, List<String> deployProfiles) {
        Set<String> active = new LinkedHashSet<>();
        List<SettingsDocument> highestFirst = highestFirst(everyProfile);
        highestFirst.forEach(document -> active.addAll(document.list(INCLUDE)));
        if (deployProfiles != null && !deployProfiles.isEmpty()) {
            active.addAll(deployProfiles);
        } else {
            highestFirst.stream().filter(d -> d.sets(ACTIVE)).findFirst().ifPresent(d -> active.addAll(d.list(ACTIVE)));
        }
        return new ArrayList<>(active);
    }

    /** The documents, highest precedence first. */
    private static List<SettingsDocument> highestFirst(List<SettingsDocument> lowestFirst) {
        List<SettingsDocument> documents = new ArrayList<>(lowestFirst);
        Collections.reverse(documents);
        return documents;
    }

    private static List<String> defaultProfiles(List<SettingsDocument> everyProfile) {
        return highestFirst(everyProfile).stream().filter(d -> d.sets(DEFAULT)).findFirst().map(d -> d.list(DEFAULT))
                .orElse(List.of("default"));
    }

    /** Each group's members, from the highest precedence document that names the group. */
    private static Map<String, List<String>> groups(List<SettingsDocument> everyProfile) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (SettingsDocument document : highestFirst(everyProfile)) {
            for (String key : document.values().keySet()) {
                if (key.startsWith(GROUP)) {
                    String group = key.substring(GROUP.length()).replaceFirst("\\[\\d+]$", "");
                    groups.putIfAbsent(group, document.list(GROUP + group));
                }
            }
        }
        return groups;
    }

    /** Each profile followed by its group's members (theirs in turn), each once, as Spring Boot expands them. */
    private static List<String> expand(List<String> profiles, Map<String, List<String>> groups) {
        Set<String> expanded = new LinkedHashSet<>();
        for (String profile : profiles) {
            add(profile, groups, expanded);
        }
        return new ArrayList<>(expanded);
    }

    private static void add(String profile, Map<String, List<String>> groups, Set<String> expanded) {
        if (expanded.add(profile)) {
            groups.getOrDefault(profile, List.of()).forEach(member -> add(member, groups, expanded));
        }
    }

    private static boolean onThisPlatform(SettingsDocument document) {
        String platform = document.values().get(SettingsDocument.ON_CLOUD_PLATFORM);
        return platform == null || platform.strip().equalsIgnoreCase("none");
    }
}
