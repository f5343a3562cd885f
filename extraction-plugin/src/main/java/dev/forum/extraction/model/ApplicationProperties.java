package dev.forum.extraction.model;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The application's own settings as the build can read them, without Spring: its settings files in its classes folder
 * ({@code classpath:/}), with the profiles they are read for, as Spring Boot 4.1 reads config data. The one reader of
 * these files in the plugin: the image's port and health paths ({@link dev.forum.extraction.image.ContainerSettings}),
 * the ECS deployment's ports, the event publication settings the goals warn about ({@link PublicationRegistry}) and
 * whether migrations run per module come from it.
 *
 * <p>What is read, lowest precedence first (a later one wins a key): {@code application.yaml}, {@code application.yml},
 * {@code application.properties} (each file's documents in order, a later document winning; one with
 * {@code spring.config.activate.on-profile} only when its profile expression matches), the same in
 * {@code classpath:/config/}, then for each active profile in order {@code application-<profile>.yaml}, {@code .yml} and
 * {@code .properties}, of {@code classpath:/} then {@code classpath:/config/}: so a later profile wins over an earlier
 * one, a profile file over the default files, {@code config/} over the root, {@code .properties} over YAML. Right
 * after a document come the files its {@code spring.config.import} names in the class path ({@code classpath:},
 * {@code optional:}, a path beside the importing file, a folder's {@code application} files), each with its profile
 * variants ({@link ConfigFiles}). Placeholders are resolved against what was read ({@link Placeholders}). The active
 * profiles ({@link ActiveProfiles}) are those the deployment sets ({@code SPRING_PROFILES_ACTIVE}), else
 * {@code spring.profiles.active} of the default files, after the {@code spring.profiles.include} of the default files,
 * each followed by its {@code spring.profiles.group} members; with none, {@code spring.profiles.default} (else
 * {@code default}). Not read:
 * files beside the jar and in {@code ./config/} (the build cannot see them), imports of other places ({@code file:},
 * {@code configtree:}), the environment, system properties and arguments, placeholders in profile names and import
 * locations, and a document for a cloud platform (ECS is none Spring Boot detects); see {@link SettingsDocument} for
 * the YAML that is read.
 */
public final class ApplicationProperties {

    /** What Spring Boot reads at run time that the build cannot see. */
    private static final String OUTSIDE = "files beside the jar and in ./config/";

    private final Map<String, String> values;
    private final Map<String, String> written;
    private final Map<String, String> origins;
    private final List<String> files;
    private final List<String> unread;
    private final List<String> fromEnvironment;
    private final List<String> profiles;
    private final boolean noneActive;
    private final boolean deployKnown;

    private ApplicationProperties(Map<String, String> values, Map<String, String> written, Map<String, String> origins,
            List<String> files, List<String> unread, List<String> fromEnvironment, List<String> profiles,
            boolean noneActive, boolean deployKnown) {
        this.values = Collections.unmodifiableMap(values);
        this.written = Collections.unmodifiableMap(written);
        this.origins = Collections.unmodifiableMap(origins);
        this.files = List.copyOf(files);
        this.unread = List.copyOf(unread);
        this.fromEnvironment = List.copyOf(fromEnvironment);
        this.profiles = List.copyOf(profiles);
        this.noneActive = noneActive;
        this.deployKnown = deployKnown;
    }

    /**
     * The settings as a process reads them whose deployment's profiles are not known here (the report, the service
     * image): the files' own {@code spring.profiles.active} (or default profile) decides.
     *
     * @param classes the application's classes folder (its resources copied in)
     * @return the settings found, empty when there is no file
     * @throws UncheckedIOException when a file that is there cannot be read
     */
    public static ApplicationProperties read(Path classes) {
        return read(classes, null);
    }

    /**
     * @param classes        the application's classes folder (its resources copied in)
     * @param deployProfiles the profiles the deployment activates ({@code SPRING_PROFILES_ACTIVE}), in order; empty when
     *                       it sets none (the files' own {@code spring.profiles.active} then decides, as it does for
     *                       null); null when the deployment is not known here
     * @return the settings found, empty when there is no file
     * @throws UncheckedIOException when a file that is there cannot be read
     */
    public static ApplicationProperties read(Path classes, List<String> deployProfiles) {
        List<SettingsDocument> everyProfile = new ConfigFiles(classes).defaults(List.of(), ActiveProfiles::forEveryProfile);
        List<String> profiles = ActiveProfiles.of(everyProfile, deployProfiles);
        boolean noneActive = ActiveProfiles.noneActive(everyProfile, deployProfiles);

        ConfigFiles files = new ConfigFiles(classes);
        List<SettingsDocument> applied = new ArrayList<>(files.defaults(profiles, d -> ActiveProfiles.applies(d, profiles)));
        applied.addAll(files.profileSpecific(profiles, d -> ActiveProfiles.applies(d, profiles)));
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (SettingsDocument document : applied) {
            document.values().forEach((key, value) -> {
                raw.put(key, value);
                origins.put(key, document.file());
            });
        }
        Placeholders placeholders = new Placeholders(raw);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            String value = placeholders.value(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        List<String> notRead = new ArrayList<>(unread(classes, files.read()));
        notRead.addAll(files.notRead());
        return new ApplicationProperties(values, raw, origins, files.read(), notRead, placeholders.fromEnvironment(), profiles,
                noneActive, deployProfiles != null);
    }

    /** The profile files in {@code classpath:/} and {@code classpath:/config/} that were not read, in name order. */
    private static List<String> unread(Path classes, List<String> read) {
        Set<String> unread = new TreeSet<>();
        for (String location : ConfigFiles.LOCATIONS) {
            Path folder = classes.resolve(location);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    entries.map(p -> location + p.getFileName())
                            .filter(name -> name.startsWith(location + "application-")
                                    && ConfigFiles.EXTENSIONS.stream().anyMatch(e -> name.endsWith("." + e)))
                            .filter(name -> !read.contains(name)).forEach(unread::add);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ArrayList<>(unread);
    }

    /**
     * The value that wins for {@code key}, placeholders resolved; null when no file read sets it, or when its value is
     * unknown here (a placeholder no file sets, without a default: the environment would have to).
     */
    public String getProperty(String key) {
        return values.get(key);
    }

    /**
     * The text the winning file writes for {@code key}, placeholders unresolved ({@code ${PORT}}), for a message that
     * names a value {@link #getProperty(String)} cannot know; null when no file read sets it.
     */
    public String written(String key) {
        return written.get(key);
    }

    /**
     * Whether a file read sets {@code key} to a value the build cannot know: a placeholder that no file sets and that
     * has no default ({@code ${ACTUATOR_PATH}}), which the environment would have to set; Spring Boot refuses to start
     * without it. {@link #getProperty(String)} is then null, as for a key no file sets, so a reader that takes null for
     * "not set" asks this first and refuses the value, or warns, naming {@link #written(String)}.
     *
     * @return true when {@code key} is set but not to a value the build can resolve
     */
    public boolean unknown(String key) {
        return written.containsKey(key) && !values.containsKey(key);
    }

    /**
     * The keys the files read set that begin with {@code prefix}, as written there
     * ({@code management.endpoint.health.group.ecs.additional-path} for {@code management.endpoint.health.group.}), in the
     * order first read; empty when none does.
     */
    public List<String> keys(String prefix) {
        return written.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    /** The value that wins for {@code key} ({@link #getProperty(String)}), or {@code fallback} when there is none. */
    public String getProperty(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /**
     * The file whose value wins for {@code key} ({@code application-prod.yml}, {@code config/application.yml}), or null
     * when none sets it.
     */
    public String origin(String key) {
        return origins.get(key);
    }

    /**
     * The files read, lowest precedence first, by path in the class path ({@code application.yml},
     * {@code config/application-prod.yml}).
     */
    public List<String> files() {
        return files;
    }

    /** The profiles the files were read for, in Spring Boot's order: the active ones, else the default ones. */
    public List<String> profiles() {
        return profiles;
    }

    /**
     * What was read, for a warning that says a setting is not on: the files, the profiles, the placeholders no file
     * sets, and what was not read, e.g. {@code application.yml and application-prod.yml (profile prod; not read: files
     * beside the jar and in ./config/, the environment)} or {@code application.yml (no profile active; placeholders no
     * file sets: ${DB_HOST} taken as its default; not read: application-prod.yml, profiles a deployment activates,
     * files beside the jar and in ./config/, the environment)}; without a file {@code any settings file (there is no
     * application.properties or application.yml; ...)}. What was not read also names the profile files of the class
     * path no profile read and each {@code spring.config.import} location that is not a file of the class path.
     */
    public String described() {
        List<String> notes = new ArrayList<>();
        if (files.isEmpty()) {
            notes.add("there is no application.properties or application.yml");
        }
        notes.add(noneActive && profiles.equals(List.of("default")) ? "no profile active"
                : (noneActive ? "default " : "") + (profiles.size() == 1 ? "profile " : "profiles ") + String.join(", ", profiles));
        if (!fromEnvironment.isEmpty()) {
            notes.add("placeholders no file sets: " + String.join(", ", fromEnvironment));
        }
        List<String> notRead = new ArrayList<>(unread);
        if (!deployKnown) {
            notRead.add("profiles a deployment activates");
        }
        notRead.add(OUTSIDE);
        notRead.add("the environment");
        notes.add("not read: " + String.join(", ", notRead));
        return (files.isEmpty() ? "any settings file" : join(files)) + " (" + String.join("; ", notes) + ")";
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String join(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
