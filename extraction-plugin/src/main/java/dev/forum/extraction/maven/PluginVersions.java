package dev.forum.extraction.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions the plugin was built with ({@code versions.properties}, filtered from the root pom). */
final class PluginVersions {

    private static final Properties VERSIONS = new Properties();

    static {
        try (InputStream in = PluginVersions.class.getResourceAsStream("versions.properties")) {
            VERSIONS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PluginVersions() {
    }

    /** e.g. {@code spring-modulith.version} to {@code 2.1.1}. */
    static String get(String key) {
        return VERSIONS.getProperty(key);
    }
}
