package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analyzer's {@code sourceFiles}: each application class to the name of the source file it was compiled from, as
 * its class file's {@code SourceFile} attribute records it ({@code Orders.java}; {@code App.kt} for Kotlin's
 * {@code shop.AppKt}), so that a blocker can name the file a developer opens. The plugin joins it to the class's
 * package ({@code ModulithModel.sourcePath}) and takes {@code Class.java} for a class missing here (compiled without the
 * attribute, {@code -g:none}).
 */
final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * @param moduleTypes every class of every module
     * @param outside     the classes outside every module (the main class, a Kotlin {@code AppKt}, ...), whose uses of
     *                    the modules' beans a blocker names too
     * @return each class's binary name to its source file's name, sorted by class; a class without the attribute left out
     */
    static Map<String, Object> of(Collection<JavaClass> moduleTypes, Collection<JavaClass> outside) {
        Map<String, Object> sources = new TreeMap<>();
        moduleTypes.forEach(type -> put(type, sources));
        outside.forEach(type -> put(type, sources));
        return sources;
    }

    private static void put(JavaClass type, Map<String, Object> sources) {
        type.getSource().flatMap(source -> source.getFileName()).ifPresent(file -> sources.put(type.getName(), file));
    }
}
