package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.AsyncContractTypes;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The build-time wording of what the run time's remote client cannot serve in a contract's method. What is refused is
 * not decided here: it is extraction-runtime's {@link AsyncContractTypes}, the list the run time checks at start too
 * (a reactive or asynchronous type anywhere in a return or parameter type, a Kotlin {@code suspend} function), so the
 * build and the start never disagree. The analysis JVM has it on its class path: the plugin adds the jar holding it.
 */
final class AsyncTypes {

    static final String WEBFLUX = "; in a WebFlux caller, wrap the call: Mono.fromCallable(() -> ...)"
            + ".subscribeOn(Schedulers.boundedElastic()) (and the controller that implements the contract returns the"
            + " plain type too)";
    static final String SUSPEND_PART = "suspend function";
    static final String SUSPEND_PROBLEM = "it is a Kotlin suspend function, and the run time's remote client is blocking"
            + " (Spring's HttpServiceProxyFactory over a RestClientAdapter), which refuses one (\"Kotlin Coroutines are only"
            + " supported with reactive implementations\")";
    static final String SUSPEND_FIX = "declare it without suspend (the plain function: the client waits for the answer),"
            + " and in a coroutine call it inside withContext(Dispatchers.IO) { ... } (the controller that implements the"
            + " contract is a plain function too)";

    private AsyncTypes() {
    }

    /**
     * @param method a contract's HTTP exchange method
     * @param part   how a refusal names the parameter of an index ({@code parameter 'hold'})
     * @return one problem for a suspend function, and one per return type or parameter holding a reactive or
     *         asynchronous type, naming it and the plain type to write instead; empty when the blocking client serves
     *         the method
     */
    static List<ContractTypes.Problem> problems(Method method, java.util.function.IntFunction<String> part) {
        List<ContractTypes.Problem> problems = new ArrayList<>();
        for (AsyncContractTypes.Unservable unservable : AsyncContractTypes.unservable(method)) {
            if (unservable.suspend()) {
                Class<?>[] types = method.getParameterTypes();
                problems.add(new ContractTypes.Problem(method.getName(), SUSPEND_PART, types[types.length - 1].getName(),
                        SUSPEND_PROBLEM, SUSPEND_FIX));
                continue;
            }
            AsyncContractTypes.Found found = unservable.found().orElseThrow();
            boolean result = unservable.parameter() < 0;
            String simple = found.raw().getSimpleName();
            String problem = found.raw().getName() + " is " + (found.future() ? "an asynchronous type" : "a reactive type")
                    + ", and the run time's remote client is blocking (Spring's HttpServiceProxyFactory over a"
                    + " RestClientAdapter): it " + (result ? "would read the answer's JSON as a " + simple
                    + ", which Jackson cannot build" : "refuses a " + simple + " argument");
            String fix = (result ? "return " : "take ") + found.plain() + " instead (the plain type: the client waits for"
                    + " the answer)" + WEBFLUX;
            problems.add(new ContractTypes.Problem(method.getName(), result ? "return type" : part.apply(unservable.parameter()),
                    found.declared().getTypeName(), problem, fix));
        }
        return problems;
    }

    /**
     * Joins the fix of a parameter that has no annotation to its async problem, so that the parameter gets one line
     * saying both what to declare and how to annotate it, rather than two.
     *
     * @param problems the method's problems so far, its async ones among them (changed in place)
     * @param method   the method's name
     * @param part     the unannotated parameter, as the problems name it
     * @param unbound  the fix for a parameter without annotation
     * @return whether the parameter had an async problem, which now carries {@code unbound} too
     */
    static boolean joinUnbound(List<ContractTypes.Problem> problems, String method, String part, String unbound) {
        for (int i = 0; i < problems.size(); i++) {
            ContractTypes.Problem problem = problems.get(i);
            if (problem.method().equals(method) && problem.part().equals(part)) {
                problems.set(i, new ContractTypes.Problem(method, part, problem.type(), problem.problem()
                        + "; it also has no annotation", problem.fix() + "; and " + unbound));
                return true;
            }
        }
        return false;
    }
}
