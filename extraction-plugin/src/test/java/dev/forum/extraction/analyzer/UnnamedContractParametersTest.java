package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The {@code contract-type} refusal of a parameter sent by a name a contract compiled without {@code -parameters} does not
 * hold ({@link ContractDifferences#unnamed}), on contracts compiled here with and without the option, Java and Kotlin.
 */
class UnnamedContractParametersTest {

    private static final String PEOPLE = """
            package fixture;

            import java.util.List;
            import java.util.Map;
            import org.springframework.web.bind.annotation.*;
            import org.springframework.web.service.annotation.*;

            @HttpExchange("/api/people")
            public interface PeopleApi {

                @GetExchange
                List<String> list(@RequestParam(defaultValue = "20") int limit, @RequestParam Map<String, String> all);

                @GetExchange("/{id}")
                String get(@PathVariable long id, @RequestHeader("X-Tenant") String tenant, @RequestParam(name = "v") int v);
            }
            """;

    @Test
    void aContractCompiledWithoutParameterNamesIsRefusedForEachParameterSentByAName(@TempDir Path dir) throws Exception {
        List<ContractTypes.Problem> problems = ContractDifferences.unnamed(compile(dir.resolve("plain"), List.of()));

        assertEquals(List.of("get parameter 1 long", "list parameter 1 int"),
                problems.stream().map(p -> p.method() + " " + p.part() + " " + p.type()).toList());
        assertEquals("its @RequestParam names no name and PeopleApi was compiled without -parameters, so Spring's HTTP"
                + " client cannot send it (\"Name for argument of type [...] not specified\"), and the controller cannot"
                + " read it unless its own class was compiled with -parameters", problems.get(1).problem());
        assertEquals("compile with -parameters (the maven-compiler-plugin's <parameters>true</parameters>, which"
                + " spring-boot-starter-parent sets) or name it: @PathVariable(\"name\")", problems.get(0).fix());

        assertEquals(List.of(), ContractDifferences.unnamed(compile(dir.resolve("named"), List.of("-parameters"))));
    }

    /** Spring reads a Kotlin function's parameter names from Kotlin's metadata: no -java-parameters needed, nothing refused. */
    @Test
    void aKotlinContractWithoutJavaParameterNamesIsNotRefused(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("PeopleApi.kt"), """
                package fixture

                import org.springframework.web.bind.annotation.PathVariable
                import org.springframework.web.service.annotation.GetExchange
                import org.springframework.web.service.annotation.HttpExchange

                @HttpExchange("/api/people")
                interface PeopleApi {
                    @GetExchange("/{id}")
                    fun get(@PathVariable id: Long): String
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        org.jetbrains.kotlin.cli.common.ExitCode compiled = new org.jetbrains.kotlin.cli.jvm.K2JVMCompiler().exec(
                new java.io.PrintStream(messages, true, java.nio.charset.StandardCharsets.UTF_8), "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-no-stdlib", "-no-reflect", "-jvm-target", "17",
                source.toString());
        assertEquals(org.jetbrains.kotlin.cli.common.ExitCode.OK, compiled, messages.toString(java.nio.charset.StandardCharsets.UTF_8));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> contract = loader.loadClass("fixture.PeopleApi");
            assertTrue(!contract.getMethod("get", long.class).getParameters()[0].isNamePresent(), "compiled without names");
            assertEquals(List.of(), ContractDifferences.unnamed(contract));
        }
    }

    /** {@link #PEOPLE} compiled into {@code dir} with these options, loaded. */
    private static Class<?> compile(Path dir, List<String> options) throws IOException, ReflectiveOperationException, java.net.URISyntaxException {
        Path source = dir.resolve("src/fixture/PeopleApi.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, PEOPLE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(options);
        String springWeb = Path.of(HttpExchange.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        arguments.addAll(List.of("-classpath", springWeb, "-d", classes.toString(), source.toString()));
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the fixture compiles");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, UnnamedContractParametersTest.class.getClassLoader());
        return Class.forName("fixture.PeopleApi", false, loader);
    }
}
