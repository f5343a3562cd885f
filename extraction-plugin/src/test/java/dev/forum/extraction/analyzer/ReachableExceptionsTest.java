package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a contract method can throw through own code that Spring or a library, not the method, calls
 * ({@link ReachableExceptions}): a Spring Data fragment, event listeners, an aspect's advice, a JPA callback, an
 * anonymous or local class handed to a library (Kotlin's lambdas: {@link ReachableExceptionsKotlinTest}), each throwing an
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
                        @ResponseStatus(HttpStatus.CONFLICT) public static class AnonymousFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class LocalFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class SharedFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class ApplicationListenerFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class ClassAsyncFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class FallbackFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class ComposedFailed extends RuntimeException { }
                        @ResponseStatus(HttpStatus.CONFLICT) public static class ModuleListenerFailed extends RuntimeException { }
                    }
                    """),
            Map.entry("shop/PeopleApi.java", """
                    package shop;
                    import org.springframework.web.service.annotation.*;
                    @HttpExchange("/api/people")
                    public interface PeopleApi {
                        @GetExchange("/fancy") String fancy();
                        @GetExchange("/plain") String plain();
                        @GetExchange("/anonymous") String anonymous();
                        @GetExchange("/local") String local();
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
                        public String plain() {
                            if (System.nanoTime() == 42) { throw new Failures.SharedFailed(); }
                            return "plain";
                        }
                        /** The library calls get(): only the constructor is called here. */
                        public String anonymous() {
                            return java.util.Optional.<String>empty().orElseThrow(new java.util.function.Supplier<Failures.AnonymousFailed>() {
                                public Failures.AnonymousFailed get() { return new Failures.AnonymousFailed(); }
                            });
                        }
                        /** As transactionTemplate.execute(new TransactionCallback<>() { ... }): a library runs call(). */
                        public String local() {
                            class Work implements java.util.concurrent.Callable<String> {
                                public String call() { throw new Failures.LocalFailed(); }
                            }
                            return java.util.concurrent.ForkJoinPool.commonPool().submit(new Work()).join();
                        }
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
                        @EventListener void shared(Integer event) { throw new Failures.SharedFailed(); }
                        @TransactionalEventListener(fallbackExecution = true)
                        void fallback(String event) { throw new Failures.FallbackFailed(); }
                        @Composed void composed(String event) { throw new Failures.ComposedFailed(); }
                        @org.springframework.modulith.events.ApplicationModuleListener
                        void moduleListener(String event) { throw new Failures.ModuleListenerFailed(); }
                    }
                    """),
            Map.entry("shop/Composed.java", """
                    package shop;
                    /** A listener annotation of the application's own: runs in the publisher's thread, whatever its phase. */
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    @org.springframework.transaction.event.TransactionalEventListener
                    public @interface Composed { }
                    """),
            Map.entry("org/springframework/modulith/events/ApplicationModuleListener.java", """
                    package org.springframework.modulith.events;
                    /** As Spring Modulith's: an asynchronous transactional listener. */
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    @org.springframework.scheduling.annotation.Async
                    @org.springframework.transaction.event.TransactionalEventListener
                    public @interface ApplicationModuleListener { }
                    """),
            Map.entry("shop/Refreshed.java", """
                    package shop;
                    /** An ApplicationListener: javac adds a bridge onApplicationEvent(ApplicationEvent) to the typed one. */
                    public class Refreshed implements org.springframework.context.ApplicationListener<org.springframework.context.event.ContextRefreshedEvent> {
                        public void onApplicationEvent(org.springframework.context.event.ContextRefreshedEvent event) {
                            throw new Failures.ApplicationListenerFailed();
                        }
                    }
                    """),
            Map.entry("shop/LaterListeners.java", """
                    package shop;
                    /** @Async on the class: each of its listeners runs in another thread. */
                    @org.springframework.scheduling.annotation.Async
                    public class LaterListeners {
                        @org.springframework.context.event.EventListener void created(String event) { throw new Failures.ClassAsyncFailed(); }
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
                        public java.util.function.Supplier<String> later() {
                            return new java.util.function.Supplier<>() { public String get() { throw new Failures.Unreached(); } };
                        }
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
                    "AfterCommitFailed", "AsyncFailed", "Unreached", "AnonymousFailed", "LocalFailed", "SharedFailed",
                    "ApplicationListenerFailed", "ClassAsyncFailed", "FallbackFailed", "ComposedFailed", "ModuleListenerFailed")) {
                exceptions.add(loader.loadClass("shop.Failures$" + name));
            }

            List<String> lines = differences.of(loader.loadClass("shop.PeopleApi"), List.of(loader.loadClass("shop.PeopleController")),
                    List.of(), exceptions);

            String bySpring = "every method of PeopleApi may meet through a listener, advice or entity callback";
            List<String> expected = List.of("FragmentFailed (which PeopleApi.fancy can throw)",
                    "AnonymousFailed (which PeopleApi.anonymous can throw)",
                    "LocalFailed (which PeopleApi.local can throw)",
                    "SharedFailed (which PeopleApi.plain can throw and PeopleApi.anonymous, PeopleApi.fancy, PeopleApi.local"
                            + " may meet through a listener, advice or entity callback)",
                    "ListenerFailed (which " + bySpring + ")",
                    "BeforeCommitFailed (which " + bySpring + ")",
                    "AdviceFailed (which " + bySpring + ")",
                    "CallbackFailed (which " + bySpring + ")",
                    "ApplicationListenerFailed (which " + bySpring + ")",
                    "FallbackFailed (which " + bySpring + ")",
                    "ComposedFailed (which " + bySpring + ")");
            assertEquals(expected.size(), lines.size(), String.join("\n", lines));
            for (String line : expected) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("shop.Failures$" + line + " reaches an in-process caller as itself")),
                        line + " in:\n" + String.join("\n", lines));
            }
            for (String absent : List.of("AfterCommitFailed", "AsyncFailed", "ClassAsyncFailed", "ModuleListenerFailed", "Unreached")) {
                assertTrue(lines.stream().noneMatch(l -> l.contains("Failures$" + absent + " ")), absent + " in:\n" + String.join("\n", lines));
            }
        }
    }

    /** javac's bridge {@code onApplicationEvent(ApplicationEvent)} is no listener of its own: the typed method is. */
    @Test
    void anApplicationListenersTypedMethodIsRunBySpringAndItsBridgeIsNot(@TempDir Path dir) throws Exception {
        var refreshed = new ClassFileImporter().importPath(compile(dir)).get("shop.Refreshed");
        var methods = refreshed.getMethods().stream().filter(m -> m.getName().equals("onApplicationEvent")).toList();
        assertEquals(2, methods.size(), methods.toString());
        for (var method : methods) {
            boolean bridge = method.getModifiers().contains(JavaModifier.BRIDGE);
            assertEquals(!bridge, ReachableExceptions.runBySpring(method), method.getFullName());
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
