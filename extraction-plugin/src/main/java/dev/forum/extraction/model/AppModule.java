package dev.forum.extraction.model;

/**
 * A module of the application: its API artifact and, when on the class path, its implementation.
 *
 * @param name           the module-API annotation's value
 * @param apiPackage     the annotated interface's package; the implementation lives below
 *                       {@code <apiPackage>.internal}
 * @param api            the artifact holding the annotated interface
 * @param implementation the artifact whose classes all live below the internal package, or null
 * @param routePrefix    the route prefix the annotated interface declares (e.g. {@code /api/posts}), or null
 */
public record AppModule(String name, String apiPackage, ScannedArtifact api, ScannedArtifact implementation,
        String routePrefix) {

    public AppModule(String name, String apiPackage, ScannedArtifact api, ScannedArtifact implementation) {
        this(name, apiPackage, api, implementation, null);
    }

    public String internalPackage() {
        return apiPackage + ".internal";
    }

    /** True for a class in the API package or below it, except the internal packages. */
    public boolean isApiClass(String className) {
        String pkg = ScannedArtifact.packageOf(className);
        return (pkg.equals(apiPackage) || pkg.startsWith(apiPackage + ".")) && !isInternalClass(className);
    }

    public boolean isInternalClass(String className) {
        String pkg = ScannedArtifact.packageOf(className);
        return pkg.equals(internalPackage()) || pkg.startsWith(internalPackage() + ".");
    }

    AppModule withImplementation(ScannedArtifact artifact) {
        return new AppModule(name, apiPackage, api, artifact, routePrefix);
    }
}
