package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A project that is not compiled is told what to run: compile for the analysis, package for a service; a main class that
 * is not there, the closest compiled class that could be a main class (else the closest class).
 */
class MainClassTest {

    @TempDir
    Path dir;

    @Test
    void anUncompiledProjectIsToldToCompileForTheReportAndToPackageForAService() {
        Path classes = dir.resolve("target/classes");
        ExtractionException report = assertThrows(ExtractionException.class, () -> MainClass.requireCompiled(classes, false));
        assertEquals("The application is not compiled: " + classes + " does not exist: run `compile` first"
                + " (./mvnw compile extract:report)", report.getMessage());
        ExtractionException service = assertThrows(ExtractionException.class, () -> MainClass.requireCompiled(classes, true));
        assertEquals("The application is not compiled: " + classes + " does not exist: run `package` first"
                + " (./mvnw package -Dextract=<module>)", service.getMessage());
        MainClass.requireCompiled(dir, false);
    }

    @Test
    void aMainClassThatIsNotThereIsToldTheClosestCompiledClass() throws Exception {
        Path classes = dir.resolve("classes");
        for (String file : List.of("com/example/shop/ShopApplication.class", "com/example/shop/ShopApplication$Inner.class",
                "com/example/shop/orders/Order.class", "com/example/shop/package-info.class")) {
            Files.createDirectories(classes.resolve(file).getParent());
            Files.write(classes.resolve(file), new byte[0]);
        }
        assertEquals(" (did you mean com.example.shop.ShopApplication?)", MainClass.closest(classes, "com.example.shop.ShopAplication"),
                "a typo in the name");
        assertEquals(" (did you mean com.example.shop.ShopApplication?)", MainClass.closest(classes, "com.example.ShopApplication"),
                "the right class in another package");
        assertEquals(" (did you mean com.example.shop.ShopApplication?)", MainClass.closest(classes, "shop.ShopAplication"),
                "a typo in the class of another package");
        assertEquals("", MainClass.closest(classes, "com.example.shop.Inventory"), "nothing close");
        assertEquals("", MainClass.closest(dir.resolve("missing"), "com.example.shop.ShopApplication"));

        ExtractionException refused = assertThrows(ExtractionException.class, () -> MainClass.of(
                "com.example.shop.ShopAplication", null, project(classes), false));
        assertEquals("Main class com.example.shop.ShopAplication is not in " + classes + " (did you mean"
                + " com.example.shop.ShopApplication?): fix the main class named in this plugin's mainClass"
                + " (-Dextract.mainClass or <mainClass>) (a class whose source is new: run `compile` before the goal)",
                refused.getMessage(), "the classes are compiled: the name is what to fix first");
    }

    @Test
    void aMainClassThatIsNotThereIsToldTheClassThatCouldBeTheMainClass() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes, "com/clinic/ClinicApplication", true, true);
        write(classes, "com/clinic/tools/SeedData", true, false);
        write(classes, "com/clinic/patients/Patient", false, false);
        write(classes, "com/clinic/patients/PatientsApi", false, false);

        ExtractionException refused = assertThrows(ExtractionException.class, () -> MainClass.of("com.clinic.ClinicApp",
                null, project(classes), false));
        assertEquals("Main class com.clinic.ClinicApp is not in " + classes + " (did you mean com.clinic.ClinicApplication?):"
                + " fix the main class named in this plugin's mainClass (-Dextract.mainClass or <mainClass>)"
                + " (a class whose source is new: run `compile` before the goal)", refused.getMessage(),
                "too far from any name: the one @SpringBootApplication class with a main method");
        assertEquals(" (did you mean com.clinic.ClinicApplication?)", MainClass.closest(classes, "com.clinic.patients.Patients"),
                "a class with no main method is no main class, however close its name");
        assertEquals(" (did you mean com.clinic.tools.SeedData?)", MainClass.closest(classes, "com.clinic.SeedDta"),
                "the closest of the classes with a main method");
    }

    @Test
    void withoutAnApplicationClassOnlyTheSingleClassWithAMainMethodIsNamed() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes, "com/clinic/Launcher", true, false);
        write(classes, "com/clinic/patients/Patient", false, false);
        assertEquals(" (did you mean com.clinic.Launcher?)", MainClass.closest(classes, "com.clinic.ClinicApp"), "the only one");
        write(classes, "com/clinic/tools/SeedData", true, false);
        assertEquals("", MainClass.closest(classes, "com.clinic.ClinicApp"), "two, neither close: no guess");
    }

    /** A class file of {@code name}, with {@code public static void main(String[])} and {@code @SpringBootApplication} when asked. */
    private static void write(Path classes, String name, boolean main, boolean application) throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        if (application) {
            writer.visitAnnotation("Lorg/springframework/boot/autoconfigure/SpringBootApplication;", true).visitEnd();
        }
        if (main) {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                    null, null);
            method.visitCode();
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(0, 1);
            method.visitEnd();
        }
        writer.visitEnd();
        Path file = classes.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }

    private static org.apache.maven.project.MavenProject project(Path classes) {
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
        project.getBuild().setOutputDirectory(classes.toString());
        return project;
    }
}
