package dev.forum.extraction.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The projects of a multi-project build as the reactor tests ({@link ReactorPartTest}, {@link WholeBuildTest}) make them. */
final class ReactorProjects {

    /** This plugin, as its executions name it. */
    static final ReactorPart.PluginId PLUGIN = new ReactorPart.PluginId("dev.forum", "extraction-maven-plugin", "extract");
    /** The annotation Spring Boot's main-class search looks for, as a class file names it. */
    private static final String BOOT_APPLICATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;";

    private ReactorProjects() {
    }

    /** A project {@code org.acme:<artifactId>:1.0} whose classes folder is {@code <dir>/<artifactId>/target/classes}. */
    static MavenProject project(Path dir, String artifactId, String packaging) {
        Model model = new Model();
        model.setGroupId("org.acme");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setOutputDirectory(dir.resolve(artifactId + "/target/classes").toString());
        model.setBuild(build);
        return new MavenProject(model);
    }

    /** Declares in {@code user}'s POM a dependency on {@code used} (its version) in {@code scope}; returns it to change. */
    static Dependency uses(MavenProject user, MavenProject used, String scope) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(used.getGroupId());
        dependency.setArtifactId(used.getArtifactId());
        dependency.setVersion(used.getVersion());
        dependency.setScope(scope);
        user.getModel().addDependency(dependency);
        return dependency;
    }

    /** Declares spring-boot-maven-plugin in {@code project}'s POM; returns the plugin to configure. */
    static Plugin bootPlugin(MavenProject project) {
        Plugin boot = new Plugin();
        boot.setGroupId("org.springframework.boot");
        boot.setArtifactId("spring-boot-maven-plugin");
        project.getBuild().addPlugin(boot);
        project.getBuild().flushPluginMap(); // getPluginsAsMap() caches
        return boot;
    }

    /** Binds {@code goals} of the plugin in {@code project}'s POM, one execution; returns the plugin to configure. */
    static Plugin bind(MavenProject project, String... goals) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.forum");
        plugin.setArtifactId("extraction-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("default");
        execution.setGoals(List.of(goals));
        plugin.addExecution(execution);
        project.getBuild().addPlugin(plugin);
        project.getBuild().flushPluginMap();
        return plugin;
    }

    /** {@code <configuration><mainClass>name</mainClass></configuration>}. */
    static Xpp3Dom mainClass(String name) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom main = new Xpp3Dom("mainClass");
        main.setValue(name);
        configuration.addChild(main);
        return configuration;
    }

    /** A class, annotated {@code @SpringBootApplication} with {@code public static void main(String[])} when asked. */
    static byte[] classFile(String name, boolean application) {
        return application ? classFile(name, "main") : classFile(name, null);
    }

    /**
     * A class annotated {@code @SpringBootApplication} with a {@code public static void} method of this name taking a
     * {@code String[]} ({@code main}: a main class; another name of the same length: a file of the same size that is
     * none); null: a plain class, neither annotated nor with the method.
     */
    static byte[] classFile(String name, String method) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        if (method != null) {
            writer.visitAnnotation(BOOT_APPLICATION, true).visitEnd();
            MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, method, "([Ljava/lang/String;)V",
                    null, null);
            main.visitCode();
            main.visitInsn(Opcodes.RETURN);
            main.visitMaxs(0, 1);
            main.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
