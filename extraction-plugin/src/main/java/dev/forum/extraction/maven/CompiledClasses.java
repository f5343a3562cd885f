package dev.forum.extraction.maven;

import dev.forum.closestname.ClosestName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The top-level classes of an application's classes folder, read for the launch and application classes
 * ({@link MainClass}) and the "did you mean" of a class name the plugin refuses: each class's name, whether it has a
 * main method Spring Boot's launcher starts ({@link #startable}), whether it is annotated {@code @SpringBootApplication}
 * (what Spring Boot's repackaging prefers in a main class) or another root Spring Modulith reads, and the closest of a
 * set of class names to a mistyped one ({@link ClosestName}, the rule every "did you mean" of the project uses).
 */
final class CompiledClasses {

    private static final String SPRING_BOOT_APPLICATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;";
    private static final java.util.Set<String> MODULITH_ROOTS = java.util.Set.of(
            "Lorg/springframework/modulith/Modulithic;", "Lorg/springframework/modulith/Modulith;");
    private static final int PUBLIC_STATIC = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;

    /**
     * One compiled class.
     *
     * @param name        its binary name, like {@code com.example.Application}
     * @param main        whether it has a main method Spring Boot's launcher starts ({@link #startable})
     * @param application whether it is annotated {@code @SpringBootApplication}
     * @param root        whether Spring Modulith can read modules from it: annotated {@code @SpringBootApplication},
     *                    {@code @Modulithic} or {@code @Modulith} (directly: an annotation meta-annotated with one of
     *                    them is not read here)
     */
    record Compiled(String name, boolean main, boolean application, boolean root) {
    }

    private CompiledClasses() {
    }

    /**
     * The names of the top-level classes in {@code classes} (no nested class, no {@code package-info} or
     * {@code module-info}), sorted.
     *
     * @return the names; empty when the folder is not there
     * @throws IOException when the folder cannot be walked
     */
    static List<String> names(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class")
                            && !file.endsWith("module-info.class"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Every top-level class of {@code classes} ({@link #names}), read with ASM.
     *
     * @return the classes, sorted by name
     * @throws IOException              when the folder cannot be walked or a class file read
     * @throws IllegalArgumentException (ASM's, or another runtime exception) when a file is no class file ASM reads
     */
    static List<Compiled> read(Path classes) throws IOException {
        List<Compiled> compiled = new ArrayList<>();
        for (String name : names(classes)) {
            compiled.add(read(name, Files.readAllBytes(classes.resolve(name.replace('.', '/') + ".class"))));
        }
        return compiled;
    }

    /**
     * One class of {@code classes}, nested ones too ({@code com.example.App$Launcher}).
     *
     * @param name its binary name, like {@code com.example.Application}
     * @return the class; empty when {@code classes} holds no such class file
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException (ASM's) when the file is no class file ASM reads
     */
    static Optional<Compiled> readOne(Path classes, String name) throws IOException {
        Path file = classes.resolve(name.replace('.', '/') + ".class");
        return Files.isRegularFile(file) ? Optional.of(read(name, Files.readAllBytes(file))) : Optional.empty();
    }

    private static Compiled read(String name, byte[] bytes) {
        boolean[] found = new boolean[3]; // main, @SpringBootApplication, a Spring Modulith root annotation
        boolean[] annotation = new boolean[1]; // a composed annotation carrying @SpringBootApplication is no application
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            private boolean java25;

            @Override
            public void visit(int version, int access, String type, String signature, String superName, String[] interfaces) {
                java25 = (version & 0xFFFF) >= Opcodes.V25;
                annotation[0] = (access & Opcodes.ACC_ANNOTATION) != 0;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                found[1] |= SPRING_BOOT_APPLICATION.equals(descriptor);
                found[2] |= SPRING_BOOT_APPLICATION.equals(descriptor) || MODULITH_ROOTS.contains(descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
                found[0] |= "main".equals(method) && startable(access, descriptor, java25);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Compiled(name, found[0], found[1] && !annotation[0], found[2] && !annotation[0]);
    }

    /**
     * Whether a method named {@code main} is one Spring Boot's repackaging takes for a main method (its
     * {@code MainClassFinder}) and its launcher starts: {@code public static void main(String[])}; in a class file of
     * Java 25 or later also a {@code static} one that is not {@code private}, with a {@code String[]} or no parameter.
     *
     * @param access     the method's access flags
     * @param descriptor its descriptor, like {@code ([Ljava/lang/String;)V}
     * @param java25     whether the class file is of Java 25 or later (version 69)
     */
    static boolean startable(int access, String descriptor, boolean java25) {
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        if (java25) {
            return isStatic && (access & Opcodes.ACC_PRIVATE) == 0
                    && ("([Ljava/lang/String;)V".equals(descriptor) || "()V".equals(descriptor));
        }
        return (access & PUBLIC_STATIC) == PUBLIC_STATIC && "([Ljava/lang/String;)V".equals(descriptor);
    }

    /**
     * The class name of {@code names} closest to {@code typed} ({@link ClosestName}): by the full name, else by the
     * simple name (the class is in another package, or its package is mistyped too).
     *
     * @param typed a class name as given, like {@code com.example.Aplication}
     * @param names the class names that would have been accepted
     * @return the closest name, never {@code typed} itself; empty when none is close
     */
    static Optional<String> closest(String typed, Collection<String> names) {
        Optional<String> byName = ClosestName.of(typed, names);
        if (byName.isPresent()) {
            return byName;
        }
        String simple = simpleName(typed);
        Map<String, String> bySimple = new TreeMap<>();
        names.stream().sorted().forEach(name -> bySimple.putIfAbsent(simpleName(name), name));
        Optional<String> bySimpleName = bySimple.containsKey(simple) ? Optional.of(bySimple.get(simple))
                : ClosestName.of(simple, bySimple.keySet()).map(bySimple::get);
        return bySimpleName.filter(name -> !name.equals(typed));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
