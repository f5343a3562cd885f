package dev.forum.extraction.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image a service image starts from: a registry reference ({@code 127.0.0.1:5000/jre:25}, a Docker Hub
 * name) or a docker-save style tar ({@code tar:///abs/path/base.tar}) for machines without a registry.
 */
public final class ImageBase {

    /** A public Java 25 JRE, pinned by digest so that the same inputs always give the same image. */
    public static final String DEFAULT =
            "eclipse-temurin:25-jre@sha256:681c543d6f36c50f45e9b5226930a46203dcfa351d3670e9d0bdf0dabae53539";

    private static final String TAR_PREFIX = "tar://";

    private final String text;
    private final Path tar;
    private final ImageReference reference;

    private ImageBase(String text, Path tar, ImageReference reference) {
        this.text = text;
        this.tar = tar;
        this.reference = reference;
    }

    /**
     * @param text -Dextract.image.base; null or blank for {@link #DEFAULT}
     * @throws ExtractionException when it is neither an image reference nor {@code tar://} and an absolute path
     */
    public static ImageBase parse(String text) {
        String value = text == null || text.isBlank() ? DEFAULT : text.trim();
        if (value.startsWith(TAR_PREFIX)) {
            Path path = Path.of(value.substring(TAR_PREFIX.length()));
            if (!path.isAbsolute()) {
                throw new ExtractionException("Base image " + value + " is not an absolute path: write"
                        + " -Dextract.image.base=tar:///abs/path/base.tar (three slashes)");
            }
            return new ImageBase(value, path, null);
        }
        try {
            return new ImageBase(value, null, ImageReference.parse(value));
        } catch (InvalidImageReferenceException e) {
            throw new ExtractionException("Base image '" + value + "' is not an image reference: set"
                    + " -Dextract.image.base=tar:///path/to/base.tar or a reference like 127.0.0.1:5000/jre:25");
        }
    }

    /**
     * Checks what can be checked before anything is built: that a tar is there and is a docker-save style image tar
     * (a tar with {@code manifest.json}: Jib reads no other), that a registry's host resolves (Jib would retry an
     * unknown one for about a minute).
     *
     * @throws ExtractionException (one line) when the base cannot be had
     */
    public void check() {
        if (tar != null && !Files.isRegularFile(tar)) {
            throw cannotPull("no such file");
        }
        if (tar != null) {
            String problem;
            try {
                problem = BaseTar.problem(tar);
            } catch (IOException e) {
                throw cannotPull(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (problem != null) {
                throw new ExtractionException("Base image " + text + " is " + problem + ": give a docker-save style image tar"
                        + " (manifest.json, its config and layer tars; `docker save`, `skopeo copy ... docker-archive:<file>`"
                        + " or deploy/images/build-jre-base.sh docker-archive:<file>:<name> of the extraction plugin's checkout"
                        + " writes one) or a registry reference"
                        + " in -Dextract.image.base");
            }
        }
        if (tar == null && !Registries.resolves(reference)) {
            throw cannotPull("unknown host " + reference.getRegistry());
        }
    }

    /** The builder to add layers to; a missing tar fails here, before Jib starts. */
    JibContainerBuilder builder(Registries registries) {
        check();
        return tar != null ? Jib.from(TarImage.at(tar)) : Jib.from(registries.image(reference));
    }

    /** The registry it is pulled from, or null for a tar. */
    ImageReference reference() {
        return reference;
    }

    /** The one line that says how to get past a base image that cannot be had. */
    ExtractionException cannotPull(String why) {
        return new ExtractionException("Cannot " + (tar != null ? "read" : "pull") + " base image " + text
                + (why == null || why.isBlank() ? "" : " (" + why + ")")
                + ": set -Dextract.image.base=tar:///path/to/base.tar or a registry you can reach"
                + " (the extraction plugin's README, \"The service's image\")");
    }

    @Override
    public String toString() {
        return text;
    }
}
