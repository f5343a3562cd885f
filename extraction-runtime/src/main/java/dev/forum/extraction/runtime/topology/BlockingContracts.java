package dev.forum.extraction.runtime.topology;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which methods of a remote module's HTTP contract the run time's client cannot serve, worded for the start's refusal.
 * What is refused is {@link AsyncContractTypes}'s list, which the extraction plugin's build-time check reads too: a
 * reactive or asynchronous type ({@code Mono}, {@code Flux}, any {@code Publisher}, {@code CompletableFuture}, RxJava's,
 * Mutiny's, Kotlin's) anywhere in a method's return or parameter types, and a Kotlin {@code suspend} function. Such a
 * contract works in process and breaks only once its module is remote (Jackson cannot build a {@code Mono} from JSON;
 * Spring's proxy refuses a suspend function with "Kotlin Coroutines are only supported with reactive implementations",
 * naming no module), so the start is refused instead ({@link Topology#remoteContracts}). So is a parameter the client
 * accepts but does not send as the controller takes it ({@link UnsentParameters}'s list, the plugin's too:
 * {@code @RequestAttribute}, a {@code URI} or {@code UriBuilderFactory} argument, a streaming body, an {@code HttpMethod}
 * against the exchange's declared method).
 */
final class BlockingContracts {

    private BlockingContracts() {
    }

    /**
     * @param module the remote module
     * @param api    one of its contract interfaces
     * @return one line per method (in name order) that is a suspend function, one per return type or parameter
     *         the blocking client cannot handle, and one per parameter it does not send as the controller takes it,
     *         naming the type and what to declare instead; empty when the client serves every method
     */
    static List<String> refusals(String module, Class<?> api) {
        List<String> refusals = new ArrayList<>();
        Method[] methods = api.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String where = "Contract " + api.getName() + " of remote module '" + module + "': method " + method.getName();
            for (AsyncContractTypes.Unservable unservable : AsyncContractTypes.unservable(method)) {
                if (unservable.suspend()) {
                    refusals.add(where + " is a Kotlin suspend function, which the run time's blocking HTTP client cannot"
                            + " serve (Spring's HTTP interface client runs coroutines only over a reactive client): declare it"
                            + " without suspend, and let a coroutine caller wrap the call in withContext(Dispatchers.IO) { ... }");
                    continue;
                }
                AsyncContractTypes.Found found = unservable.found().orElseThrow();
                if (unservable.parameter() < 0) {
                    refusals.add(where + " returns " + AsyncContractTypes.name(found.declared()) + ", which the run time's"
                            + " blocking HTTP client cannot return (every call would fail): declare it to return "
                            + found.plain() + ", and let a reactive caller wrap the call in"
                            + " Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic())");
                } else {
                    refusals.add(where + " takes " + AsyncContractTypes.name(found.declared()) + " (parameter "
                            + (unservable.parameter() + 1) + "), which the run time's blocking HTTP client cannot send:"
                            + " declare it as " + found.plain());
                }
            }
            for (UnsentParameters.Unsent unsent : UnsentParameters.unsent(method)) {
                refusals.add(where + " takes " + unsent.kind() + " (parameter " + (unsent.parameter() + 1) + "), which does"
                        + " not reach the module as its controller takes it: " + unsent.problem() + "; " + unsent.fix());
            }
        }
        return refusals;
    }
}
