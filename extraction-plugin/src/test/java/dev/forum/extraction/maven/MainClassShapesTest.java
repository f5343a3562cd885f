package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;
import org.springframework.boot.loader.tools.MainClassFinder;

/**
 * The launch class (the main method, Spring Boot's {@code Start-Class}) and the application class (what Spring Modulith
 * reads) of the shapes an application comes in, from Java sources compiled here with javac: Kotlin's
 * {@code @SpringBootApplication class ClinicApplication} with a top-level {@code fun main} is, compiled, an annotated
 * class without {@code main} and a class {@code ClinicApplicationKt} with a static {@code main}, which Java writes the
 * same way; a Java {@code Launcher} calling {@code SpringApplication.run(ShopApplication.class)} is that shape too.
 */
class MainClassShapesTest {

    private static final String BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    @TempDir
    Path dir;

    @Test
    void kotlinsTopLevelMainLaunchesAndItsAnnotatedClassIsReadForTheModules() throws Exception {
        Path classes = compile(Map.of(
                "com/example/clinic/ClinicApplication.java", "package com.example.clinic;\n"
                        + "@org.springframework.boot.autoconfigure.SpringBootApplication public class ClinicApplication {}",
                "com/example/clinic/ClinicApplicationKt.java", "package com.example.clinic;\n"
                        + "public final class ClinicApplicationKt { public static final void main(String[] args) {} }",
                "com/example/clinic/patients/Patient.java", "package com.example.clinic.patients; public class Patient {}"));

        assertEquals(new MainClass.Classes("com.example.clinic.ClinicApplicationKt", "com.example.clinic.ClinicApplication"),
                MainClass.of(null, null, project(classes), false));
        assertEquals("com.example.clinic.ClinicApplicationKt", MainClassFinder.findSingleMainClass(classes.toFile(),
                BOOT_APPLICATION), "the launch class is the one Spring Boot's repackaging writes as Start-Class");
        assertEquals(new MainClass.Classes("com.example.clinic.ClinicApplicationKt", "com.example.clinic.ClinicApplication"),
                MainClass.of(null, null, bootConfigured(project(classes), "com.example.clinic.ClinicApplicationKt"), true),
                "spring-boot-maven-plugin's mainClass, set in its repackage execution");
    }

    @Test
    void aJavaLauncherStartsTheAnnotatedClassInThePackageAbove() throws Exception {
        Path classes = compile(Map.of(
                "com/example/shop/ShopApplication.java", "package com.example.shop;\n"
                        + "@org.springframework.boot.autoconfigure.SpringBootApplication public class ShopApplication {}",
                "com/example/shop/boot/Launcher.java", "package com.example.shop.boot;\n"
                        + "public class Launcher { public static void main(String[] args) {"
                        + " System.out.println(com.example.shop.ShopApplication.class); } }",
                "com/example/shop/orders/Order.java", "package com.example.shop.orders; public class Order {}"));
        assertEquals(new MainClass.Classes("com.example.shop.boot.Launcher", "com.example.shop.ShopApplication"),
                MainClass.of(null, null, project(classes), false));
    }

    @Test
    void anAnnotatedClassWithItsOwnMainIsBoth() throws Exception {
        Path classes = compile(Map.of(
                "shop/ShopApplication.java", "package shop;\n@org.springframework.modulith.Modulithic"
                        + " public class ShopApplication { public static void main(String[] args) {} }",
                "shop/tools/Seed.java", "package shop.tools;\n"
                        + "@org.springframework.boot.autoconfigure.SpringBootApplication public class Seed {}"));
        assertEquals(new MainClass.Classes("shop.ShopApplication", "shop.ShopApplication"),
                MainClass.of(null, null, project(classes), false), "@Modulithic is a root Spring Modulith reads too");
    }

    @Test
    void theOldAdviceOfNamingTheAnnotatedClassAsMainClassIsRefusedBeforeAServiceThatCannotStart() throws Exception {
        Path classes = kotlinShape();
        ExtractionException refused = assertThrows(ExtractionException.class, () -> MainClass.of(
                "com.example.clinic.ClinicApplication", null, project(classes), true));
        assertEquals("Main class com.example.clinic.ClinicApplication, named by this plugin's mainClass"
                + " (-Dextract.mainClass or <mainClass>), has no public static void main(String[]): a service jar with it as"
                + " Start-Class would not start; it is the application class, which the plugin finds from the class with"
                + " the main method: remove this plugin's mainClass (Spring Boot's repackage starts"
                + " com.example.clinic.ClinicApplicationKt), or name it as applicationClass (-Dextract.applicationClass or"
                + " <applicationClass>) if it is not found", refused.getMessage());

        ExtractionException boot = assertThrows(ExtractionException.class, () -> MainClass.of(null, null,
                bootConfigured(project(classes), "com.example.clinic.ClinicApplication"), true));
        assertEquals("Main class com.example.clinic.ClinicApplication, named by spring-boot-maven-plugin's mainClass, has no"
                + " public static void main(String[]): a service jar with it as Start-Class would not start; set"
                + " spring-boot-maven-plugin's mainClass to the class with the main method", boot.getMessage(),
                "the application's own jar would not start either");
    }

    @Test
    void thisPluginsMainClassMustBeTheOneSpringBootsRepackageStarts() throws Exception {
        Path classes = compile(Map.of(
                "shop/ShopApplication.java", "package shop;\n@org.springframework.boot.autoconfigure.SpringBootApplication"
                        + " public class ShopApplication { public static void main(String[] args) {} }",
                "shop/Launcher.java", "package shop; public class Launcher { public static void main(String[] args) {} }"));
        MavenProject project = project(classes);
        assertEquals(new MainClass.Classes("shop.Launcher", "shop.ShopApplication"), MainClass.of("shop.Launcher", null,
                project, false), "no repackage in the project: this plugin's mainClass is the launch class");

        bootConfigured(project, null);
        ExtractionException refused = assertThrows(ExtractionException.class, () -> MainClass.of("shop.Launcher", null,
                project, false));
        assertEquals("This plugin's mainClass shop.Launcher is not shop.ShopApplication, the Start-Class"
                + " spring-boot-maven-plugin's repackage gives the application's jar (found by Spring Boot's rule): a service"
                + " starts as the application does; remove this plugin's mainClass, or set spring-boot-maven-plugin's"
                + " <mainClass> to shop.Launcher", refused.getMessage());
        assertEquals(new MainClass.Classes("shop.ShopApplication", "shop.ShopApplication"), MainClass.of(null, null,
                project, false), "unset, both are Spring Boot's: the annotated class of the two with a main method");
    }

    @Test
    void noneOrSeveralAnnotatedClassesAreRefusedNamingThemAndTheSettingChoosesOne() throws Exception {
        Path classes = compile(Map.of(
                "app/Launcher.java", "package app; public class Launcher { public static void main(String[] args) {} }",
                "app/One.java", "package app;\n@org.springframework.boot.autoconfigure.SpringBootApplication public class One {}",
                "app/Two.java", "package app;\n@org.springframework.modulith.Modulith public class Two {}",
                "app/orders/Order.java", "package app.orders; public class Order {}"));
        ExtractionException several = assertThrows(ExtractionException.class, () -> MainClass.of(null, null,
                project(classes), false));
        assertEquals("Several application classes for the main class app.Launcher in app: app.One, app.Two (annotated"
                + " @SpringBootApplication, @Modulithic or @Modulith): name the one Spring Modulith reads the modules from"
                + " with applicationClass (-Dextract.applicationClass or <applicationClass>)", several.getMessage());
        assertEquals(new MainClass.Classes("app.Launcher", "app.Two"), MainClass.of(null, "app.Two", project(classes), false));
        ExtractionException typo = assertThrows(ExtractionException.class, () -> MainClass.of(null, "app.Tow",
                project(classes), false));
        assertEquals("Application class app.Tow is not in " + classes + " (did you mean app.Two?): fix applicationClass"
                + " (-Dextract.applicationClass or <applicationClass>) (a class whose source is new: run `compile` before"
                + " the goal)", typo.getMessage());

        Path bare = compile(Map.of(
                "tool/Main.java", "package tool; public class Main { public static void main(String[] args) {} }",
                "tool/web/Web.java", "package tool.web;\n"
                        + "@org.springframework.boot.autoconfigure.SpringBootApplication public class Web {}"));
        assertEquals(new MainClass.Classes("tool.Main", "tool.Main"), MainClass.of(null, null, project(bare), false),
                "none annotated directly above the launch class: the launch class, for Spring Modulith to read or refuse");

        Path composed = compile(Map.of(
                "shop/Boot.java", "package shop;\n@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "@org.springframework.boot.autoconfigure.SpringBootApplication public @interface Boot {}",
                "shop/App.java", "package shop; @Boot public class App { public static void main(String[] args) {} }"));
        assertEquals(new MainClass.Classes("shop.App", "shop.App"), MainClass.of(null, null, project(composed), false),
                "a class annotated through a composed annotation is read as the application class, as before");
    }

    @Test
    void aMainMethodIsOneSpringBootsLauncherStarts() {
        String args = "([Ljava/lang/String;)V";
        assertTrue(CompiledClasses.startable(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, args, false),
                "Kotlin's: public static final");
        assertFalse(CompiledClasses.startable(Opcodes.ACC_PUBLIC, args, false), "an instance method");
        assertFalse(CompiledClasses.startable(Opcodes.ACC_STATIC, args, false), "package-private before Java 25");
        assertFalse(CompiledClasses.startable(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "()V", false));
        assertTrue(CompiledClasses.startable(Opcodes.ACC_STATIC, "()V", true), "Java 25: static void main()");
        assertFalse(CompiledClasses.startable(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, args, true));
        assertFalse(CompiledClasses.startable(Opcodes.ACC_PUBLIC, "()V", true), "an instance main Spring Boot's launcher"
                + " cannot call");
    }

    @Test
    void aDPropertyThePomOverridesIsWarnedOf() {
        assertEquals("[extract] -Dextract.mainClass=com.example.ClinicApp is not used: this project's POM gives the"
                + " plugin's mainClass com.example.ClinicApplication, and a POM's <configuration> wins over a -D property;"
                + " change it there, or write <mainClass>${extract.mainClass}</mainClass> in the POM to let"
                + " -Dextract.mainClass set it", MainClass.ignoredProperty("extract.mainClass", "mainClass",
                        "com.example.ClinicApp", "com.example.ClinicApplication").orElseThrow());
        assertTrue(MainClass.ignoredProperty("extract.mainClass", "mainClass", "a.B", "a.B").isEmpty(), "the -D was used");
        assertTrue(MainClass.ignoredProperty("extract.mainClass", "mainClass", null, "a.B").isEmpty(), "no -D");
    }

    private Path kotlinShape() throws IOException {
        return compile(Map.of(
                "com/example/clinic/ClinicApplication.java", "package com.example.clinic;\n"
                        + "@org.springframework.boot.autoconfigure.SpringBootApplication public class ClinicApplication {}",
                "com/example/clinic/ClinicApplicationKt.java", "package com.example.clinic;\n"
                        + "public final class ClinicApplicationKt { public static final void main(String[] args) {} }"));
    }

    /**
     * Compiles {@code sources} (path to text) with javac into a folder of its own, beside stand-ins of the three
     * annotations (deleted after: the folder holds the application's classes only, as {@code target/classes} does).
     */
    private Path compile(Map<String, String> sources) throws IOException {
        Path root = Files.createTempDirectory(dir, "app");
        Path src = root.resolve("src");
        Path classes = root.resolve("classes");
        Map<String, String> all = new java.util.HashMap<>(sources);
        all.put("org/springframework/boot/autoconfigure/SpringBootApplication.java", annotation(
                "org.springframework.boot.autoconfigure", "SpringBootApplication"));
        all.put("org/springframework/modulith/Modulithic.java", annotation("org.springframework.modulith", "Modulithic"));
        all.put("org/springframework/modulith/Modulith.java", annotation("org.springframework.modulith", "Modulith"));
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        for (Map.Entry<String, String> source : all.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the fixture compiles");
        try (Stream<Path> standIns = Files.walk(classes.resolve("org"))) {
            standIns.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        return classes;
    }

    private static String annotation(String pkg, String name) {
        return "package " + pkg + ";\n@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                + " public @interface " + name + " {}";
    }

    private static MavenProject project(Path classes) {
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(classes.toString());
        return project;
    }

    /** Adds spring-boot-maven-plugin with a repackage execution, its mainClass set there when not null. */
    private static MavenProject bootConfigured(MavenProject project, String mainClass) {
        Plugin boot = new Plugin();
        boot.setGroupId("org.springframework.boot");
        boot.setArtifactId("spring-boot-maven-plugin");
        PluginExecution repackage = new PluginExecution();
        repackage.addGoal("repackage");
        if (mainClass != null) {
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            Xpp3Dom main = new Xpp3Dom("mainClass");
            main.setValue(mainClass);
            configuration.addChild(main);
            repackage.setConfiguration(configuration);
        }
        boot.addExecution(repackage);
        project.getBuild().addPlugin(boot);
        project.getBuild().flushPluginMap();
        return project;
    }
}
