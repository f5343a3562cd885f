package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a contract method can throw in a Kotlin lambda ({@link ReachableExceptions}), as the Kotlin compiler the tests
 * use compiles it: to a method of the enclosing class (Kotlin 2's default) or to a class of its own
 * ({@code -Xlambdas=class}). In: {@code Orders.kt} compiled here; out: the own exceptions a controller method can throw.
 */
class ReachableExceptionsKotlinTest {

    private static final Predicate<String> OWN = name -> name.startsWith("shop.");

    /**
     * Kotlin names a lambda's method {@code <enclosing>$lambda$N}, not javac's {@code lambda$<enclosing>$N}; ArchUnit
     * gives it as a method reference of the enclosing method, which the walk follows like any call (this held before
     * the walk followed fragments and listeners too: it guards the rule, it did not drive a change).
     */
    @Test
    void aKotlinLambdaThrowingAnOwnExceptionIsFollowed(@TempDir Path dir) throws Exception {
        Path classes = compileKotlin(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> controller = loader.loadClass("shop.OrderController");
            ReachableExceptions reach = new ReachableExceptions(new ClassFileImporter().importPath(classes).stream().toList(), OWN);
            assertTrue(new ClassFileImporter().importPath(classes).get("shop.OrderController").getMethods().stream()
                    .anyMatch(m -> m.getName().startsWith("get$lambda$")), "Kotlin's name for the lambda's method");

            Set<String> thrown = reach.of(controller, controller.getMethod("get", long.class));
            assertTrue(thrown.contains("shop.NotFound"), thrown.toString());
            assertTrue(!thrown.contains("shop.Gone"), "a lambda of a class the call does not run is not followed: " + thrown);
        }
    }

    /**
     * Kotlin compiles a lambda to a class of its own with {@code -Xlambdas=class} (a Java interface's, as
     * {@code orElseThrow}'s {@code Supplier}, with {@code -Xsam-conversions=class}): an anonymous class that the method
     * makes, with its constructor when it captures a value, else by reading its {@code INSTANCE}, and that the library
     * calls.
     */
    @Test
    void aKotlinLambdaCompiledToAClassOfItsOwnIsFollowedThroughItsConstructorOrItsInstance(@TempDir Path dir) throws Exception {
        Path classes = compileKotlin(dir, "-Xlambdas=class", "-Xsam-conversions=class");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> controller = loader.loadClass("shop.OrderController");
            var imported = new ClassFileImporter().importPath(classes);
            assertTrue(imported.stream().anyMatch(c -> c.getName().startsWith("shop.OrderController$") && c.isAnonymousClass()),
                    "a lambda's class of its own: " + imported.stream().map(c -> c.getName()).toList());
            ReachableExceptions reach = new ReachableExceptions(imported.stream().toList(), OWN);

            Set<String> thrown = reach.of(controller, controller.getMethod("get", long.class));
            assertTrue(thrown.contains("shop.NotFound"), "a capturing lambda's class, made by its constructor: " + thrown);
            assertTrue(!thrown.contains("shop.Gone") && !thrown.contains("shop.Missing"), thrown.toString());
            Set<String> first = reach.of(controller, controller.getMethod("first"));
            assertTrue(first.contains("shop.Missing"), "a lambda capturing nothing, read as its INSTANCE: " + first);
        }
    }

    /** Orders.kt, a controller whose methods throw in Kotlin lambdas, compiled into {@code dir/classes} with the options. */
    private static Path compileKotlin(Path dir, String... options) throws IOException {
        Path source = Files.writeString(dir.resolve("Orders.kt"), """
                package shop

                class NotFound(id: Long) : RuntimeException("no order " + id)
                class Gone : RuntimeException()
                class Missing : RuntimeException()

                /** Nobody calls it: Gone, thrown in its lambda, is no contract method's. */
                class Archive {
                    fun find(): String = java.util.Optional.empty<String>().orElseThrow { Gone() }
                }

                class OrderController {
                    fun get(id: Long): String = java.util.Optional.ofNullable(lookup(id)).orElseThrow { NotFound(id) }
                    fun first(): String = java.util.Optional.empty<String>().orElseThrow { Missing() }
                    private fun lookup(id: Long): String? = if (id > 0) id.toString() else null
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-no-stdlib", "-no-reflect", "-jvm-target", "17"));
        arguments.addAll(List.of(options));
        arguments.add(source.toString());
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        ExitCode compiled = new K2JVMCompiler().exec(new PrintStream(messages, true, StandardCharsets.UTF_8),
                arguments.toArray(String[]::new));
        assertEquals(ExitCode.OK, compiled, messages.toString(StandardCharsets.UTF_8));
        return classes;
    }
}
