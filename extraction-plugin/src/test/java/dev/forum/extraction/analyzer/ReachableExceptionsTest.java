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
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.tools.ToolProvider;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a contract method can throw through own code that Spring, not the method, calls ({@link ReachableExceptions}):
 * a Spring Data fragment, event listeners, an aspect's advice, a JPA callback and a Kotlin lambda, each throwing an
 * exception of its own that the module marks as an answer, on an application compiled here from source, so that these
 * stand-ins (and the stand-in AspectJ and {@code @TransactionalEventListener} annotations, which the test class path
 * lacks) are the application's only classes.
 */
class ReachableExceptionsTest {

    private static final Predicate<String> OWN = name -> name.startsWith("shop.");

    /** The application: each file under {@code src/}, its Java text. */
    private static final Map<String, String> SHOP = Map.ofEntries(
            Map.entry("org/aspectj/lang/annotation/Aspect.java", annotation("org.aspectj.lang.annotation", "Aspect", "")),
            Map.entry("org/aspectj/lang/annotation/Around.java", annotation("org.aspectj.lang.annotation", "Around", "String value();")),
            Map.entry("org/springframework/transaction/event/TransactionPhase.java", """
                    package org.springframework.transaction.event;
                    public enum TransactionPhase { BEFORE_COMMIT, AFTER_COMMIT, AFTER_ROLLBACK, AFTER_COMPLETION }
                    """),
            Map.entry("org/springframework/transaction/event/TransactionalEventListener.java", """
                    package org.springframework.transaction.event;
                    import java.lang.annotation.*;
                    @Retention(RetentionPolicy.RUNTIME)
                    @org.springframework.context.event.EventListener
                    public @interface TransactionalEventListener {
                        TransactionPhase phase() default TransactionPhase.AFTER_COMMIT;
                        boolean fallbackExecution() default false;
                    }
                    """),
            Map.entry("shop/Failures.java", """
                    package shop;
                    import org.springframework.http.HttpStatus;
                    import org.springframework.web.bind.annotation.ResponseStatus;
                    public final class Failures {
                        @ResponseStatus(HttpStatus.CONFLICT) public static class FragmentFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class ListenerFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class BeforeCommitFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class AdviceFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class CallbackFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class AfterCommitFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class AsyncFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class Unreached extends RuntimeException { }
                    }
                    """),
            Map.entry("shop/PeopleApi.java", """
                    package shop;
                    import org.springframework.web.service.annotation.*;
                    @HttpExchange("/api/people")
                    public interface PeopleApi {
                        @GetExchange("/fancy") String fancy();
                        @GetExchange("/plain") String plain();
                    }
                    """),
            Map.entry("shop/PersonRepositoryCustom.java",
                    "package shop; public interface PersonRepositoryCustom { String findFancy(); }"),
            Map.entry("shop/PersonRepositoryImpl.java", """
                    package shop;
                    public class PersonRepositoryImpl implements PersonRepositoryCustom {
                        public String findFancy() { throw new Failures.FragmentFailed(); }
                    }
                    """),
            Map.entry("shop/PersonRepository.java", """
                    package shop;
                    /** As Spring Data's: Spring makes the class, which runs findFancy by PersonRepositoryImpl. */
                    public interface PersonRepository extends PersonRepositoryCustom, java.util.function.Supplier<String> { }
                    """),
            Map.entry("shop/PeopleController.java", """
                    package shop;
                    public class PeopleController implements PeopleApi {
                        private final PersonRepository repository;
                        public PeopleController(PersonRepository repository) { this.repository = repository; }
                        public String fancy() { return repository.findFancy(); }
                        public String plain() { return "plain"; }
                    }
                    """),
            Map.entry("shop/Listeners.java", """
                    package shop;
                    import org.springframework.context.event.EventListener;
                    import org.springframework.scheduling.annotation.Async;
                    import org.springframework.transaction.event.*;
                    public class Listeners {
                        @EventListener void created(String event) { check(event); }
                        private void check(String event) { throw new Failures.ListenerFailed(); }
                        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
                        void beforeCommit(String event) { throw new Failures.BeforeCommitFailed(); }
                        @TransactionalEventListener void afterCommit(String event) { throw new Failures.AfterCommitFailed(); }
                        @Async @EventListener void later(String event) { throw new Failures.AsyncFailed(); }
                    }
                    """),
            Map.entry("shop/Timing.java", """
                    package shop;
                    import org.aspectj.lang.annotation.*;
                    @Aspect
                    public class Timing {
                        @Around("execution(* shop..*(..))") public Object time() { throw new Failures.AdviceFailed(); }
                    }
                    """),
            Map.entry("shop/Person.java", """
                    package shop;
                    @jakarta.persistence.Entity
                    public class Person {
                        @jakarta.persistence.PrePersist void checked() { throw new Failures.CallbackFailed(); }
                    }
                    """),
            Map.entry("shop/Unused.java", """
                    package shop;
                    /** Nobody calls it, and Spring runs none of it: Unreached is no contract method's. */
                    public class Unused {
                        public void fail() { throw new Failures.Unreached(); }
                    }
                    """));

    private static String annotation(String pkg, String name, String body) {
        return "package " + pkg + "; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface "
                + name + " { " + body + " }";
    }

    @Test
    void ownCodeSpringRunsForACallGivesItsExceptionsLinesAndAnExceptionNobodyCanReachGivesNone(@TempDir Path dir) throws Exception {
        Path classes = compile(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            ContractDifferences differences = new ContractDifferences(OWN, new ReachableExceptions(
                    new ClassFileImporter().importPath(classes).stream().toList(), OWN));
            List<Class<?>> exceptions = new ArrayList<>();
            for (String name : List.of("FragmentFailed", "ListenerFailed", "BeforeCommitFailed", "AdviceFailed", "CallbackFailed",
                    "AfterCommitFailed", "AsyncFailed", "Unreached")) {
                exceptions.add(loader.loadClass("shop.Failures$" + name));
            }

            List<String> lines = differences.of(loader.loadClass("shop.PeopleApi"), List.of(loader.loadClass("shop.PeopleController")),
                    List.of(), exceptions);

            List<String> expected = List.of("FragmentFailed (which PeopleApi.fancy can throw)",
                    "ListenerFailed (which every method of PeopleApi can throw)",
                    "BeforeCommitFailed (which every method of PeopleApi can throw)",
                    "AdviceFailed (which every method of PeopleApi can throw)",
                    "CallbackFailed (which every method of PeopleApi can throw)");
            assertEquals(expected.size(), lines.size(), String.join("\n", lines));
            for (String line : expected) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("shop.Failures$" + line + " reaches an in-process caller as itself")),
                        line + " in:\n" + String.join("\n", lines));
            }
            assertTrue(lines.stream().noneMatch(l -> l.contains("AfterCommitFailed") || l.contains("AsyncFailed")
                    || l.contains("Unreached")), String.join("\n", lines));
        }
    }

    /**
     * Kotlin names a lambda's method {@code <enclosing>$lambda$N}, not javac's {@code lambda$<enclosing>$N}; ArchUnit
     * gives it as a method reference of the enclosing method, which the walk follows like any call (this held before
     * the walk followed fragments and listeners too: it guards the rule, it did not drive a change).
     */
    @Test
    void aKotlinLambdaThrowingAnOwnExceptionIsFollowed(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Orders.kt"), """
                package shop

                class NotFound(id: Long) : RuntimeException("no order " + id)
                class Gone : RuntimeException()

                /** Nobody calls it: Gone, thrown in its lambda, is no contract method's. */
                class Archive {
                    fun find(): String = java.util.Optional.empty<String>().orElseThrow { Gone() }
                }

                class OrderController {
                    fun get(id: Long): String = java.util.Optional.ofNullable(lookup(id)).orElseThrow { NotFound(id) }
                    private fun lookup(id: Long): String? = if (id > 0) id.toString() else null
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        ExitCode compiled = new K2JVMCompiler().exec(new PrintStream(messages, true, StandardCharsets.UTF_8), "-d",
                classes.toString(), "-classpath", System.getProperty("java.class.path"), "-no-stdlib", "-no-reflect",
                "-jvm-target", "17", source.toString());
        assertEquals(ExitCode.OK, compiled, messages.toString(StandardCharsets.UTF_8));
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

    /** {@link #SHOP} compiled into {@code dir/classes} against the test's class path. */
    private static Path compile(Path dir) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-parameters", "-classpath", System.getProperty("java.class.path"),
                "-d", Files.createDirectories(dir.resolve("classes")).toString()));
        for (Map.Entry<String, String> file : SHOP.entrySet()) {
            Path source = dir.resolve("src").resolve(file.getKey());
            Files.createDirectories(source.getParent());
            arguments.add(Files.writeString(source, file.getValue()).toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, messages, messages, arguments.toArray(String[]::new)),
                messages.toString(StandardCharsets.UTF_8));
        return dir.resolve("classes");
    }
}
