package dev.forum.extraction.assemble;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Spring Boot's own {@code Repackager} (spring-boot-loader-tools) of the application's Spring Boot version, so that
 * a service jar carries the launcher classes of the version the application was built with, not the plugin's.
 * The tools are loaded by a class loader of their own and called through their public API by reflection; with the
 * plugin's own class loader it is the plugin's version.
 */
public final class BootRepackager {

    private static final String TOOLS = "org.springframework.boot.loader.tools.";

    private final ClassLoader loader;
    private final String version;

    /**
     * @param loader  a class loader that sees spring-boot-loader-tools (and what it needs) of one version
     * @param version that version, for messages
     */
    public BootRepackager(ClassLoader loader, String version) {
        this.loader = loader;
        this.version = version;
    }

    public String version() {
        return version;
    }

    /**
     * Turns a plain jar into an executable one, nesting the libraries in order.
     *
     * @param plain       the application's classes as a plain jar (its name must end in {@code .jar})
     * @param destination the executable jar to write
     * @param time        every entry's time, or null for the files' own
     */
    public void repackage(Path plain, String mainClass, List<Path> libraries, Path destination, FileTime time) throws IOException {
        try {
            Class<?> repackagerType = loader.loadClass(TOOLS + "Repackager");
            Class<?> librariesType = loader.loadClass(TOOLS + "Libraries");
            Class<?> libraryType = loader.loadClass(TOOLS + "Library");
            Class<?> scopeType = loader.loadClass(TOOLS + "LibraryScope");
            Method library = loader.loadClass(TOOLS + "LibraryCallback").getMethod("library", libraryType);
            Constructor<?> newLibrary = libraryType.getConstructor(File.class, scopeType);
            Object runtime = scopeType.getField("RUNTIME").get(null);

            Object repackager = repackagerType.getConstructor(File.class).newInstance(plain.toFile());
            repackagerType.getMethod("setMainClass", String.class).invoke(repackager, mainClass); // so it never searches
            repackagerType.getMethod("setBackupSource", boolean.class).invoke(repackager, false);
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("doWithLibraries")) {
                    for (Path file : libraries) {
                        library.invoke(args[0], newLibrary.newInstance(file.toFile(), runtime));
                    }
                    return null;
                }
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "libraries of " + plain;
                };
            };
            Object nested = Proxy.newProxyInstance(loader, new Class<?>[] {librariesType}, handler);
            repackagerType.getMethod("repackage", File.class, librariesType, FileTime.class)
                    .invoke(repackager, destination.toFile(), nested, time);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("Spring Boot " + version + "'s Repackager failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Spring Boot " + version + "'s loader tools do not have the API the plugin uses ("
                    + e + ")", e);
        }
    }
}
