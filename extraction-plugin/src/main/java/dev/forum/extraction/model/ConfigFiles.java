package dev.forum.extraction.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The settings files Spring Boot 4.1 reads from an application's class path, in the order it reads them (lowest
 * precedence first): {@code classpath:/application.*}, then {@code classpath:/config/application.*}, then for each
 * profile the {@code application-<profile>.*} of both; each document followed by the files its
 * {@code spring.config.import} names on the class path (with their own profile variants), which win over it. One
 * instance reads once: it keeps the names of the files read and of what it could not read.
 */
final class ConfigFiles {

    /** The class path folders Spring Boot looks in, lowest precedence first. */
    static final List<String> LOCATIONS = List.of("", "config/");
    /** The extensions Spring Boot reads, lowest precedence first. */
    static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");
    /** The key whose locations a document imports. */
    static final String IMPORT = "spring.config.import";
    private static final String CLASSPATH = "classpath:";

    private final Path classes;
    private final List<String> read = new ArrayList<>();
    private final Set<String> notRead = new LinkedHashSet<>();
    private final Set<String> loaded = new HashSet<>();
    /** The profile variants of what the files for no profile import: Spring Boot reads them after every profile file. */
    private final List<Consumer<List<SettingsDocument>>> variants = new ArrayList<>();
    /** Whether the files for no profile are being read: their imports' profile variants wait in {@link #variants}. */
    private boolean beforeProfiles;

    /** @param classes the application's classes folder: {@code classpath:/} */
    ConfigFiles(Path classes) {
        this.classes = classes;
    }

    /**
     * The documents of the files for no profile, with their imports: those {@code applies} accepts (an import is read
     * only for a document that applies), lowest precedence first.
     *
     * @param profiles the profiles an import's profile variants are read for; empty while the profiles are not known
     */
    List<SettingsDocument> defaults(List<String> profiles, Predicate<SettingsDocument> applies) {
        List<SettingsDocument> documents = new ArrayList<>();
        beforeProfiles = true;
        for (String location : LOCATIONS) {
            named(CLASSPATH + "/", location + "application", profiles, applies, documents);
        }
        beforeProfiles = false;
        return documents;
    }

    /**
     * The documents of each profile's files, for profile after profile, with their imports, then the profile variants of
     * the imports {@link #defaults} read; lowest precedence first.
     */
    List<SettingsDocument> profileSpecific(List<String> profiles, Predicate<SettingsDocument> applies) {
        List<SettingsDocument> documents = new ArrayList<>();
        for (String profile : profiles) {
            for (String location : LOCATIONS) {
                named(CLASSPATH + "/", location + "application-" + profile, profiles, applies, documents);
            }
        }
        variants.forEach(variant -> variant.accept(documents));
        return documents;
    }

    /** The files read, lowest precedence first, by path in the class path ({@code config/application.yml}). */
    List<String> read() {
        return List.copyOf(read);
    }

    /** What an import named that was not read: another place than the class path, a placeholder, a missing file. */
    List<String> notRead() {
        return List.copyOf(notRead);
    }

    /**
     * {@code <name>.yaml}, {@code .yml} and {@code .properties}, those that are there.
     *
     * @param prefix what makes a path a location, {@code classpath:/} or {@code classpath:}
     */
    private void named(String prefix, String name, List<String> profiles, Predicate<SettingsDocument> applies,
            List<SettingsDocument> documents) {
        for (String extension : EXTENSIONS) {
            file(name + "." + extension, prefix + name + "." + extension, profiles, applies, documents);
        }
    }

    /**
     * One file's documents that apply, each followed by its imports; nothing when it is not there or read already.
     *
     * @param path     the file's path in the class path
     * @param location the location Spring Boot knows it by ({@code classpath:/config/application.yml}): an import
     *                 without a prefix is relative to it
     * @return whether the file is there
     */
    private boolean file(String path, String location, List<String> profiles, Predicate<SettingsDocument> applies,
            List<SettingsDocument> documents) {
        Path file = classes.resolve(path);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        if (!loaded.add(path)) {
            return true;
        }
        read.add(path);
        for (SettingsDocument document : SettingsDocument.read(file, path)) {
            if (applies.test(document)) {
                documents.add(document);
                for (String imported : document.list(IMPORT)) {
                    imported(imported, location, profiles, applies, documents);
                }
            }
        }
        return true;
    }

    /**
     * One location of {@code spring.config.import}: a file ({@code classpath:extra.yml}, or {@code extra.yml} relative to
     * the importing file's location) and its profile variants ({@code extra-prod.yml}), or a folder's
     * {@code application} files ({@code classpath:more/}); {@code optional:} before it. Anything else, and a relative
     * location that Spring Boot resolves on the file system (the importing file's location has no folder, as in
     * {@code classpath:extra.yml}), is named as not read.
     */
    private void imported(String imported, String importing, List<String> profiles, Predicate<SettingsDocument> applies,
            List<SettingsDocument> documents) {
        boolean optional = imported.startsWith("optional:");
        String location = optional ? imported.substring("optional:".length()) : imported;
        if (!location.startsWith(CLASSPATH)) {
            location = location.contains(":") || location.startsWith("/") ? ""
                    : importing.substring(0, importing.lastIndexOf('/') + 1) + location;
        }
        if (!location.startsWith(CLASSPATH) || location.contains("${") || location.contains("*")
                || location.contains("..")) {
            notRead.add(imported);
            return;
        }
        String path = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
        String folder = location.substring(0, location.length() - path.length());
        if (path.endsWith("/")) {
            named(folder, path + "application", profiles, applies, documents);
            variants(documents, into -> profiles.forEach(
                    profile -> named(folder, path + "application-" + profile, profiles, applies, into)));
            return;
        }
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1);
        if (!EXTENSIONS.contains(extension)) {
            notRead.add(imported);
            return;
        }
        if (!file(path, location, profiles, applies, documents) && !optional) {
            notRead.add(imported + " (missing: Spring Boot does not start without it)");
        }
        String base = path.substring(0, dot);
        variants(documents, into -> profiles.forEach(profile -> {
            String variant = base + "-" + profile + "." + extension;
            file(variant, folder + variant, profiles, applies, into);
        }));
    }

    /** Reads an import's profile variants now, or after the profile files when the files for no profile import it. */
    private void variants(List<SettingsDocument> documents, Consumer<List<SettingsDocument>> read) {
        if (beforeProfiles) {
            variants.add(read);
        } else {
            read.accept(documents);
        }
    }
}
