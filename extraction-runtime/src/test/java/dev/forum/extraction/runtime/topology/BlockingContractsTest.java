package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * A remote contract whose methods return (or take) a reactive or asynchronous type: user10's {@code VenuesApi} built,
 * started and reported ready, then every call failed with Jackson's {@code Cannot construct instance of
 * reactor.core.publisher.Mono}. Such a contract is refused at start, one line per method, naming what to declare.
 */
class BlockingContractsTest {

    record Venue(long id, String name) {
    }

    record Hold(long venueId, int seats) {
    }

    @HttpExchange("/api/venues")
    interface ReactiveVenuesApi {
        @GetExchange
        Flux<Venue> list();

        @GetExchange("/{id}")
        Mono<Venue> get(@PathVariable("id") long id);

        @PostExchange("/{id}/holds")
        Mono<Hold> hold(@PathVariable("id") long id, @RequestBody Mono<Hold> hold);
    }

    @HttpExchange("/api/venues")
    interface AsynchronousVenuesApi {
        @GetExchange("/{id}")
        CompletableFuture<Venue> get(@PathVariable("id") long id);

        @GetExchange("/{id}/entity")
        ResponseEntity<Mono<Venue>> entity(@PathVariable("id") long id);

        @PostExchange("/{id}/close")
        Mono<Void> close(@PathVariable("id") long id);

        @GetExchange
        Publisher<Venue> all();
    }

    /** What the blocking client serves: bodies, lists, Optional, ResponseEntity, void. */
    @HttpExchange("/api/venues")
    interface BlockingVenuesApi {
        @GetExchange
        List<Venue> list();

        @GetExchange("/{id}")
        Optional<Venue> get(@PathVariable("id") long id);

        @GetExchange("/{id}/entity")
        ResponseEntity<Venue> entity(@PathVariable("id") long id);

        @PostExchange("/{id}/holds")
        Hold hold(@PathVariable("id") long id, @RequestBody Hold hold);

        @PostExchange("/{id}/close")
        void close(@PathVariable("id") long id);
    }

    private static final String API = ReactiveVenuesApi.class.getName();
    private static final String HOW = ", and let a reactive caller wrap the call in"
            + " Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic())";

    @Test
    void eachMethodReturningOrTakingAMonoOrFluxIsOneLineNamingWhatToDeclare() {
        String where = "Contract " + API + " of remote module 'venues': method ";
        String cannot = ", which the run time's blocking HTTP client cannot return (every call would fail): declare it to return ";
        assertThat(BlockingContracts.refusals("venues", ReactiveVenuesApi.class)).containsExactly(
                where + "get returns Mono<BlockingContractsTest.Venue>" + cannot + "BlockingContractsTest.Venue" + HOW,
                where + "hold returns Mono<BlockingContractsTest.Hold>" + cannot + "BlockingContractsTest.Hold" + HOW,
                where + "hold takes Mono<BlockingContractsTest.Hold> (parameter 2), which the run time's blocking HTTP client"
                        + " cannot send: declare it as BlockingContractsTest.Hold",
                where + "list returns Flux<BlockingContractsTest.Venue>" + cannot + "List<BlockingContractsTest.Venue>" + HOW);
    }

    @Test
    void futuresPublishersAndAMonoInAResponseEntityAreRefusedTooAndAMonoOfVoidIsVoid() {
        assertThat(BlockingContracts.refusals("venues", AsynchronousVenuesApi.class)).satisfiesExactly(
                all -> assertThat(all).contains("method all returns Publisher<BlockingContractsTest.Venue>,")
                        .contains("declare it to return List<BlockingContractsTest.Venue>,"),
                close -> assertThat(close).contains("method close returns Mono<Void>,").contains("declare it to return void,"),
                entity -> assertThat(entity).contains("method entity returns ResponseEntity<Mono<BlockingContractsTest.Venue>>,")
                        .contains("declare it to return ResponseEntity<BlockingContractsTest.Venue>,"),
                get -> assertThat(get).contains("method get returns CompletableFuture<BlockingContractsTest.Venue>,")
                        .contains("declare it to return BlockingContractsTest.Venue,"));
    }

    interface GroupedApi {
        @GetExchange
        Mono<Map<String, List<Venue>>> grouped();
    }

    @Test
    void aTypeIsNamedAsWrittenWithoutItsPackages() {
        assertThat(BlockingContracts.refusals("venues", GroupedApi.class)).singleElement().asString()
                .contains("method grouped returns Mono<Map<String, List<BlockingContractsTest.Venue>>>,")
                .contains("declare it to return Map<String, List<BlockingContractsTest.Venue>>,");
    }

    /** Spring's client reads every type it does not unwrap as the body: a Mono inside a List is read as JSON too. */
    @HttpExchange("/api/venues")
    interface NestedVenuesApi {
        @GetExchange
        List<Mono<Venue>> list();

        @GetExchange("/later")
        Optional<CompletableFuture<Venue>> later();

        @PostExchange("/holds")
        void hold(@RequestBody List<Flux<Hold>> holds, @RequestParam("at") String at);

        @GetExchange("/done")
        ResponseEntity<Mono<Void>> done();
    }

    @Test
    void anAsynchronousTypeNestedInATypeArgumentIsRefusedAsWellWithThePlainTypeInItsPlace() {
        assertThat(BlockingContracts.refusals("venues", NestedVenuesApi.class)).satisfiesExactly(
                done -> assertThat(done).contains("method done returns ResponseEntity<Mono<Void>>,")
                        .contains("declare it to return ResponseEntity<Void>,"),
                hold -> assertThat(hold).contains("method hold takes List<Flux<BlockingContractsTest.Hold>> (parameter 1),")
                        .endsWith("declare it as List<List<BlockingContractsTest.Hold>>"),
                later -> assertThat(later).contains("method later returns Optional<CompletableFuture<BlockingContractsTest.Venue>>,")
                        .contains("declare it to return Optional<BlockingContractsTest.Venue>,"),
                list -> assertThat(list).contains("method list returns List<Mono<BlockingContractsTest.Venue>>,")
                        .contains("declare it to return List<BlockingContractsTest.Venue>,"));
    }

    /**
     * What a Kotlin {@code suspend fun get(id: Long): Venue} compiles to: the continuation last, {@code Object} returned.
     * Spring's proxy would refuse it at the first call ("Kotlin Coroutines are only supported with reactive
     * implementations"), naming no module.
     */
    @HttpExchange("/api/venues")
    interface SuspendingVenuesApi {
        @GetExchange("/{id}")
        Object get(@PathVariable("id") long id, kotlin.coroutines.Continuation<? super Venue> continuation);

        @GetExchange
        List<Venue> list();
    }

    @Test
    void aKotlinSuspendFunctionIsOneLineNamingTheModuleTheContractAndWhatToDeclare() {
        assertThat(BlockingContracts.refusals("venues", SuspendingVenuesApi.class)).containsExactly("Contract "
                + SuspendingVenuesApi.class.getName() + " of remote module 'venues': method get is a Kotlin suspend"
                + " function, which the run time's blocking HTTP client cannot serve (Spring's HTTP interface client runs"
                + " coroutines only over a reactive client): declare it without suspend, and let a coroutine caller wrap"
                + " the call in withContext(Dispatchers.IO) { ... }");
    }

    @Test
    void aBlockingContractIsServed() {
        assertThat(BlockingContracts.refusals("venues", BlockingVenuesApi.class)).isEmpty();
    }

    private static final String SHOP = """
            format=1
            modules=venues,orders
            module.venues.packages=tickets.venues
            module.venues.contracts=%s
            module.orders.packages=tickets.orders
            module.orders.calls=%s
            """;

    private static Topology ordersAlone(Class<?> contract, boolean called) throws IOException {
        String metadata = SHOP.formatted(contract.getName(), called ? "venues" : "");
        return Topology.resolve(new TopologySettings(Set.of("orders"), URI.create("http://lb"), Map.of(),
                Duration.ofMillis(250), Duration.ofSeconds(5)), TopologyTest.metadata(metadata));
    }

    @Test
    void theStartIsRefusedWhereALocalModuleCallsSuchAContractOfARemoteModule() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        assertThatThrownBy(() -> ordersAlone(ReactiveVenuesApi.class, true).remoteContracts(loader))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith("4 methods of remote modules' contracts that the run time's blocking HTTP client cannot"
                        + " serve:\nContract " + API + " of remote module 'venues': method get returns Mono<")
                .satisfies(refused -> assertThat(((InvalidTopologyException) refused).refusals()).hasSize(4));
        assertThat(ordersAlone(BlockingVenuesApi.class, true).remoteContracts(loader))
                .containsExactly(Map.entry("venues", List.of(BlockingVenuesApi.class)));
        // no local module calls it: no call can fail
        assertThat(ordersAlone(ReactiveVenuesApi.class, false).remoteContracts(loader))
                .containsExactly(Map.entry("venues", List.of(ReactiveVenuesApi.class)));
    }

    @HttpExchange("/api/venues")
    interface OneReactiveMethodApi {
        @GetExchange("/{id}")
        Venue get(@PathVariable("id") long id);

        @GetExchange
        Flux<Venue> list();
    }

    @Test
    void oneSuchMethodIsTheRefusalsOneLine() {
        assertThatThrownBy(() -> ordersAlone(OneReactiveMethodApi.class, true).remoteContracts(getClass().getClassLoader()))
                .hasMessage("Contract " + OneReactiveMethodApi.class.getName() + " of remote module 'venues': method list"
                        + " returns Flux<BlockingContractsTest.Venue>, which the run time's blocking HTTP client cannot return"
                        + " (every call would fail): declare it to return List<BlockingContractsTest.Venue>" + HOW);
    }

    @Test
    void aHeadlineIsForTwoRefusalsOrMore() {
        assertThatThrownBy(() -> new InvalidTopologyException("headline", List.of("one")))
                .isInstanceOf(IllegalArgumentException.class);
        InvalidTopologyException two = new InvalidTopologyException("2 things:", List.of("one", "two"));
        assertThat(two).hasMessage("2 things:\none\ntwo");
        assertThat(two.refusals()).containsExactly("one", "two");
    }
}
