package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The build (the plugin's {@code contract-type} refusal, {@link ContractTypes}) and the start (extraction-runtime's
 * {@code Topology.remoteContracts}) refuse the same places of a contract, with the same plain type to declare: both read
 * extraction-runtime's {@code AsyncContractTypes}. Each case is run through both and their verdicts compared; the
 * count keeps a case from agreeing by both sides refusing nothing. Kotlin suspend functions: Java interfaces with the
 * signature Kotlin compiles one to, and one contract compiled from Kotlin source.
 */
class AsyncAgreementTest {

    record Venue(long id, String name) {
    }

    @HttpExchange("/api/venues")
    interface ReactiveApi {
        @GetExchange
        Flux<Venue> list();

        @GetExchange("/{id}")
        Mono<Venue> get(@PathVariable long id);

        @PostExchange("/{id}")
        Mono<Void> save(@PathVariable long id, @RequestBody Mono<Venue> venue);

        @GetExchange("/flow")
        Flow.Publisher<Venue> flow();
    }

    /** Inside type arguments: the client reads the whole type as the body's JSON. */
    @HttpExchange("/api/venues")
    interface NestedApi {
        @GetExchange
        List<Mono<Venue>> list();

        @GetExchange("/entity")
        ResponseEntity<Flux<Venue>> entity();

        @GetExchange("/later")
        Optional<CompletableFuture<Venue>> later();

        @PostExchange
        void save(@RequestBody Map<String, Mono<Venue>> venues);
    }

    /**
     * Parameters the plugin used to leave to other checks: a request attribute (refused as such too, by both sides:
     * Spring's client does not send one), one without annotation.
     */
    @HttpExchange("/api/venues")
    interface ParametersApi {
        @GetExchange("/{id}")
        Venue get(@PathVariable long id, @RequestAttribute("trace") Mono<String> trace);

        @GetExchange
        List<Venue> list(Mono<String> filter, @RequestParam CompletableFuture<String> sort);
    }

    /** A Kotlin {@code suspend fun get(id: Long): Venue} and a {@code suspend fun save(venue: Mono<Venue>)}, compiled. */
    @HttpExchange("/api/venues")
    interface SuspendingApi {
        @GetExchange("/{id}")
        Object get(@PathVariable long id, kotlin.coroutines.Continuation<? super Venue> continuation);

        @PostExchange
        Object save(@RequestBody Mono<Venue> venue, kotlin.coroutines.Continuation<? super kotlin.Unit> continuation);
    }

    @HttpExchange("/api/venues")
    interface BlockingApi {
        @GetExchange
        List<Venue> list();

        @GetExchange("/{id}")
        Optional<Venue> get(@PathVariable long id);

        @PostExchange("/{id}")
        ResponseEntity<Void> save(@PathVariable long id, @RequestBody Venue venue);
    }

    static Stream<Arguments> contracts() {
        return Stream.of(Arguments.of(ReactiveApi.class, 5), Arguments.of(NestedApi.class, 4),
                Arguments.of(ParametersApi.class, 4), Arguments.of(SuspendingApi.class, 3), Arguments.of(BlockingApi.class, 0));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theBuildRefusesWhatTheStartRefuses(Class<?> contract, int refused) throws IOException {
        List<String> build = build(contract);
        assertEquals(start(contract, AsyncAgreementTest.class.getClassLoader()), build);
        assertEquals(refused, build.size(), build.toString());
    }

    /** A contract compiled from Kotlin source: what the refusal of a suspend function reads is what Kotlin writes. */
    @Test
    void aRealKotlinSuspendFunctionIsRefusedByBoth(@TempDir Path work) throws Exception {
        Path source = Files.writeString(work.resolve("VenuesApi.kt"), """
                package tickets.venues

                import org.springframework.web.bind.annotation.PathVariable
                import org.springframework.web.service.annotation.GetExchange
                import org.springframework.web.service.annotation.HttpExchange

                data class Venue(val id: Long, val name: String)

                @HttpExchange("/api/venues")
                interface VenuesApi {
                    @GetExchange("/{id}")
                    suspend fun get(@PathVariable id: Long): Venue

                    @GetExchange
                    fun list(): List<Venue>
                }
                """);
        Path classes = Files.createDirectories(work.resolve("classes"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        ExitCode compiled = new K2JVMCompiler().exec(new PrintStream(messages, true, StandardCharsets.UTF_8), "-d",
                classes.toString(), "-classpath", System.getProperty("java.class.path"), "-no-stdlib", "-no-reflect",
                "-jvm-target", "17", "-java-parameters", source.toString());
        assertEquals(ExitCode.OK, compiled, messages.toString(StandardCharsets.UTF_8));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> contract = loader.loadClass("tickets.venues.VenuesApi");
            Method get = Arrays.stream(contract.getMethods()).filter(m -> m.getName().equals("get")).findFirst().orElseThrow();
            assertEquals("kotlin.coroutines.Continuation", get.getParameterTypes()[1].getName(), get.toGenericString());
            assertEquals(Object.class, get.getReturnType());
            assertEquals(List.of("get suspend"), build(contract));
            assertEquals(List.of("get suspend"), start(contract, loader));
        }
    }

    private static final Pattern PLAIN = Pattern.compile("(?:return|take) (.+) instead \\(the plain type.*");

    /** The plugin's verdicts: {@code method part -> plain type}, sorted; every line of the build's is one. */
    private static List<String> build(Class<?> contract) {
        List<String> verdicts = new ArrayList<>();
        for (ContractTypes.Problem problem : new ContractTypes(name -> false).problems(contract)) {
            if (problem.part().equals(AsyncTypes.SUSPEND_PART)) {
                verdicts.add(problem.method() + " suspend");
                continue;
            }
            if (problem.problem().contains(UNSENT)) {
                verdicts.add(problem.method() + " " + index(contract, problem.method(), problem.part()) + " unsent");
                continue;
            }
            Matcher plain = PLAIN.matcher(problem.fix());
            // Any other line the build adds (noise: a second line for one place, a wrong refusal) is kept as it is, so
            // that it cannot agree with the start's.
            verdicts.add(plain.matches()
                    ? problem.method() + " " + index(contract, problem.method(), problem.part()) + " -> " + plain.group(1)
                    : "not an async refusal: " + problem.method() + " " + problem.part() + ": " + problem.problem());
        }
        return verdicts.stream().sorted().toList();
    }

    /** A problem's part as the run time numbers it: {@code return}, or {@code parameter N} from 1. */
    private static String index(Class<?> contract, String method, String part) {
        if (part.equals("return type")) {
            return "return";
        }
        Method declared = Arrays.stream(contract.getMethods()).filter(m -> m.getName().equals(method)).findFirst().orElseThrow();
        for (int i = 0; i < declared.getParameterCount(); i++) {
            if (part.equals("parameter '" + declared.getParameters()[i].getName() + "'")) {
                return "parameter " + (i + 1);
            }
        }
        throw new AssertionError("no parameter " + part + " in " + method);
    }

    /** How both sides word a parameter the client does not send as the controller takes it (UnsentParameters). */
    private static final String UNSENT = "does not reach the module as its controller takes it";
    private static final Pattern UNSENT_REFUSAL = Pattern.compile(".*: method (\\w+) takes .+ \\((parameter \\d+)\\), which "
            + UNSENT + ": .*");
    private static final Pattern REFUSAL = Pattern.compile(".*: method (\\w+) (?:returns .+?: declare it to return (.+), and let"
            + " a reactive caller .*|takes .+ \\((parameter \\d+)\\), which .+: declare it as (.+)|(is a Kotlin suspend) .*)");

    /** The run time's verdicts, read from its refusal of a service whose local module calls the contract. */
    private static List<String> start(Class<?> contract, ClassLoader loader) throws IOException {
        Properties metadata = new Properties();
        metadata.load(new StringReader("""
                format=1
                modules=venues,orders
                module.venues.packages=tickets.venues
                module.venues.contracts=%s
                module.orders.packages=tickets.orders
                module.orders.calls=venues
                """.formatted(contract.getName())));
        Topology topology = Topology.resolve(new TopologySettings(Set.of("orders"), URI.create("http://lb"), Map.of(),
                Duration.ofMillis(250), Duration.ofSeconds(5)), ModuleMetadata.parse(metadata, "test"));
        List<String> refusals;
        try {
            topology.remoteContracts(loader);
            refusals = List.of();
        } catch (InvalidTopologyException e) {
            refusals = e.refusals();
        }
        List<String> verdicts = new ArrayList<>();
        for (String refusal : refusals) {
            Matcher unsent = UNSENT_REFUSAL.matcher(refusal);
            if (unsent.matches()) {
                verdicts.add(unsent.group(1) + " " + unsent.group(2) + " unsent");
                continue;
            }
            Matcher line = REFUSAL.matcher(refusal);
            if (!line.matches()) {
                throw new AssertionError("not a contract refusal: " + refusal);
            }
            verdicts.add(line.group(5) != null ? line.group(1) + " suspend"
                    : line.group(2) != null ? line.group(1) + " return -> " + line.group(2)
                    : line.group(1) + " " + line.group(3) + " -> " + line.group(4));
        }
        return verdicts.stream().sorted().toList();
    }
}
