package dev.forum.extraction.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.TarImage;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;

/** Where a service image goes: an OCI image tar (the default, offline), a registry, or the local Docker daemon. */
public final class ImageTarget {

    private enum Kind { TAR, REGISTRY, DOCKER }

    private final Kind kind;
    private final ImageReference reference;
    private final Path tar;

    private ImageTarget(Kind kind, ImageReference reference, Path tar) {
        this.kind = kind;
        this.reference = reference;
        this.tar = tar;
    }

    /**
     * The target the build asked for.
     *
     * @param service  the service, the default image name
     * @param folder   the service's folder, where the image tar goes
     * @param version  the default tag
     * @param name     -Dextract.image.name, or null
     * @param registry -Dextract.image.registry, or null: push there
     * @param docker   -Dextract.image.docker: load into the Docker daemon
     * @throws ExtractionException (one line) when both registry and docker are set, or a name is no image reference
     */
    public static ImageTarget of(String service, Path folder, String version, String name, String registry, boolean docker) {
        boolean push = registry != null && !registry.isBlank();
        if (push && docker) {
            throw new ExtractionException("-Dextract.image.registry and -Dextract.image.docker=true both name where the image"
                    + " goes: set one of them");
        }
        if (push) {
            return new ImageTarget(Kind.REGISTRY, parse(registry.trim(), "extract.image.registry", service), null);
        }
        ImageReference named = parse(name == null || name.isBlank() ? service + ":" + version : name.trim(),
                "extract.image.name", service);
        return docker ? new ImageTarget(Kind.DOCKER, named, null)
                : new ImageTarget(Kind.TAR, named, folder.resolve(service + "-image.tar"));
    }

    private static ImageReference parse(String value, String property, String service) {
        try {
            return ImageReference.parse(value);
        } catch (InvalidImageReferenceException e) {
            String example = service.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
            throw new ExtractionException(property + " '" + value + "' is not an image reference: set it like "
                    + example + ":1 or 127.0.0.1:5000/" + example + ":1 (lower-case repository, optional tag)");
        }
    }

    Containerizer containerizer(Registries registries) {
        return switch (kind) {
            case TAR -> Containerizer.to(TarImage.at(tar).named(reference));
            case REGISTRY -> Containerizer.to(registries.image(reference));
            case DOCKER -> Containerizer.to(DockerDaemonImage.named(reference));
        };
    }

    /** The registry pushed to, or null. */
    ImageReference registry() {
        return kind == Kind.REGISTRY ? reference : null;
    }

    /** The image tar written, or null. */
    public Path tar() {
        return tar;
    }

    /** How progress lines name it: the tar (relative to {@code base}), the registry reference, or the daemon's image. */
    public String describe(Path base) {
        return switch (kind) {
            case TAR -> base.relativize(tar).toString();
            case REGISTRY -> reference.toString();
            case DOCKER -> "docker daemon " + reference;
        };
    }

    /**
     * The one line for a target that could not be written: for a push, whether the registry could not be reached
     * (its host and port named) or refused the credentials (401, 403), or neither.
     */
    ExtractionException cannotWrite(Throwable failure) {
        String why = ServiceImage.why(failure);
        return new ExtractionException(switch (kind) {
            case TAR -> "Cannot write the image tar " + tar + " (" + why + "): check the folder is writable and the disk has room";
            case REGISTRY -> switch (PushFailure.of(failure)) {
                case UNREACHABLE -> "Cannot push the image to " + reference + ": the registry is not reachable at "
                        + PushFailure.address(reference) + " (" + why + "): start it, or fix the host and port in"
                        + " -Dextract.image.registry";
                case REFUSED_CREDENTIALS -> "Cannot push the image to " + reference + " (" + why + "): the registry refused"
                        + " the credentials: log in (docker login " + reference.getRegistry() + "), or set up a credential"
                        + " helper such as docker-credential-ecr-login";
                case OTHER -> "Cannot push the image to " + reference + " (" + why + "): check -Dextract.image.registry";
            };
            case DOCKER -> "Cannot load the image into the Docker daemon (" + why + "): start Docker, or drop"
                    + " -Dextract.image.docker=true to write an image tar instead";
        });
    }
}
