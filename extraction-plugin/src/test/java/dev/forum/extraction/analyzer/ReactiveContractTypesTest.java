package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A contract the run time's blocking client (HttpServiceProxyFactory over RestClientAdapter) cannot serve: reactive and
 * asynchronous parameter and return types, each refused with the plain type to write instead.
 */
class ReactiveContractTypesTest {

    private static final ContractTypes RULE = new ContractTypes(name -> name.startsWith("dev.forum.extraction.analyzer."));

    record Venue(long id, String name) {
    }

    record Hold(long venueId, int seats) {
    }

    abstract static class Animal {
    }

    @HttpExchange("/api/venues")
    interface ReactiveVenuesApi {
        @GetExchange
        Flux<Venue> list();

        @GetExchange("/{id}")
        Mono<Venue> get(@PathVariable long id);

        @PostExchange("/{id}/holds")
        Mono<Hold> hold(@PathVariable long id, @RequestBody Mono<Hold> request);

        @PostExchange("/{id}/release")
        Mono<Void> release(@PathVariable long id);

        @GetExchange("/later")
        CompletableFuture<Venue> later();

        @GetExchange("/stage")
        CompletionStage<List<Venue>> stage();

        @GetExchange("/entity")
        ResponseEntity<Flux<Venue>> entity();

        @GetExchange("/maybe")
        Optional<Mono<Venue>> maybe();

        @GetExchange("/publisher")
        Publisher<Venue> publisher();

        @GetExchange("/flow")
        Flow.Publisher<Venue> flow();

        @GetExchange("/animal")
        Mono<Animal> animal(@RequestParam Mono<String> name);
    }

    /** The same contract written the blocking way: nothing to refuse. */
    @HttpExchange("/api/venues")
    interface BlockingVenuesApi {
        @GetExchange
        List<Venue> list();

        @GetExchange("/{id}")
        Venue get(@PathVariable long id);

        @PostExchange("/{id}/holds")
        ResponseEntity<Hold> hold(@PathVariable long id, @RequestBody Hold request);

        @GetExchange("/maybe")
        Optional<Venue> maybe();

        @PostExchange("/{id}/release")
        void release(@PathVariable long id);
    }

    private static List<String> lines(Class<?> contract) {
        return RULE.problems(contract).stream().filter(p -> p.fix().contains(" (the plain type"))
                .map(p -> p.method() + " " + p.part() + ": " + p.fix().substring(0, p.fix().indexOf(" (the plain type"))).toList();
    }

    @Test
    void everyReactiveOrAsynchronousTypeIsRefusedWithThePlainTypeToWrite() {
        String own = "ReactiveContractTypesTest.";
        assertEquals(List.of(
                "animal return type: return " + own + "Animal instead",
                "animal parameter 'name': take String instead",
                "entity return type: return ResponseEntity<List<" + own + "Venue>> instead",
                "flow return type: return List<" + own + "Venue> instead",
                "get return type: return " + own + "Venue instead",
                "hold return type: return " + own + "Hold instead",
                "hold parameter 'request': take " + own + "Hold instead",
                "later return type: return " + own + "Venue instead",
                "list return type: return List<" + own + "Venue> instead",
                "maybe return type: return Optional<" + own + "Venue> instead",
                "publisher return type: return List<" + own + "Venue> instead",
                "release return type: return void instead",
                "stage return type: return List<" + own + "Venue> instead"),
                lines(ReactiveVenuesApi.class));
    }

    @Test
    void theProblemNamesTheTypeAndTheBlockingClientAndTheFixTheWebFluxWay() {
        ContractTypes.Problem get = RULE.problems(ReactiveVenuesApi.class).stream().filter(p -> p.method().equals("get"))
                .findFirst().orElseThrow();
        assertEquals("return type", get.part());
        assertEquals("reactor.core.publisher.Mono<" + Venue.class.getTypeName() + ">", get.type());
        assertEquals("reactor.core.publisher.Mono is a reactive type, and the run time's remote client is blocking (Spring's"
                + " HttpServiceProxyFactory over a RestClientAdapter): it would read the answer's JSON as a Mono, which"
                + " Jackson cannot build", get.problem());
        assertEquals("return ReactiveContractTypesTest.Venue instead (the plain type: the client waits for the answer); in a WebFlux caller, wrap the"
                + " call: Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic()) (and the controller that"
                + " implements the contract returns the plain type too)", get.fix());
        ContractTypes.Problem body = RULE.problems(ReactiveVenuesApi.class).stream()
                .filter(p -> p.part().equals("parameter 'request'")).findFirst().orElseThrow();
        assertTrue(body.problem().endsWith("it refuses a Mono argument"), body.problem());
        ContractTypes.Problem later = RULE.problems(ReactiveVenuesApi.class).stream().filter(p -> p.method().equals("later"))
                .findFirst().orElseThrow();
        assertTrue(later.problem().startsWith("java.util.concurrent.CompletableFuture is an asynchronous type"), later.problem());
    }

    @Test
    void whatTheAsynchronousTypeCarriesIsCheckedToo() {
        List<ContractTypes.Problem> animal = RULE.problems(ReactiveVenuesApi.class).stream()
                .filter(p -> p.method().equals("animal") && p.part().equals("return type")).toList();
        assertEquals(2, animal.size(), animal.toString());
        assertTrue(animal.get(1).problem().startsWith(Animal.class.getName() + " is an abstract class"), animal.get(1).problem());
    }

    @HttpExchange("/api/venues")
    interface UnannotatedApi {
        @GetExchange
        List<Venue> list(Mono<String> filter);
    }

    /** A reactive parameter without annotation is one problem, whose fix says both what to take and how to send it. */
    @Test
    void aReactiveParameterWithoutAnnotationIsOneProblemWithBothFixes() {
        List<ContractTypes.Problem> problems = RULE.problems(UnannotatedApi.class);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("parameter 'filter'", problems.get(0).part());
        assertTrue(problems.get(0).problem().endsWith("it refuses a Mono argument; it also has no annotation"),
                problems.get(0).problem());
        assertTrue(problems.get(0).fix().startsWith("take String instead (the plain type"), problems.get(0).fix());
        assertTrue(problems.get(0).fix().endsWith("; and " + ContractTypes.UNBOUND_FIX), problems.get(0).fix());
    }

    /** What a Kotlin {@code suspend fun get(id: Long): Venue} compiles to: the continuation last, {@code Object} returned. */
    @HttpExchange("/api/venues")
    interface SuspendingVenuesApi {
        @GetExchange("/{id}")
        Object get(@PathVariable long id, kotlin.coroutines.Continuation<? super Venue> continuation);
    }

    @Test
    void aKotlinSuspendFunctionIsOneProblemSayingToDeclareItWithoutSuspendAndCallItOnTheIoDispatcher() {
        assertEquals(List.of(new ContractTypes.Problem("get", "suspend function", "kotlin.coroutines.Continuation",
                "it is a Kotlin suspend function, and the run time's remote client is blocking (Spring's"
                        + " HttpServiceProxyFactory over a RestClientAdapter), which refuses one (\"Kotlin Coroutines are only"
                        + " supported with reactive implementations\")",
                "declare it without suspend (the plain function: the client waits for the answer), and in a coroutine call"
                        + " it inside withContext(Dispatchers.IO) { ... } (the controller that implements the contract is a"
                        + " plain function too)")), RULE.problems(SuspendingVenuesApi.class));
    }

    @Test
    void theBlockingContractIsAccepted() {
        assertEquals(List.of(), RULE.problems(BlockingVenuesApi.class));
    }
}
