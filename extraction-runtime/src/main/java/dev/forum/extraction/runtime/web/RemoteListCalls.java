package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.remote.WarmUpCall;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.util.UriUtils;

/**
 * The remote half of the warm-up ({@link WarmUp}): which operation of a remote module's contract it calls (its list
 * operation, {@link #listCall}), what that call sends ({@link #request}), and the calls themselves through the
 * module's client ({@link #warmUp}).
 */
final class RemoteListCalls {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** Calls per remote module: the first is the cold one; a failing module is not called again. */
    static final int ROUNDS = 3;

    private RemoteListCalls() {
    }

    /**
     * @param called what {@link #warmUp(Map, Function, int)} returned, not empty
     * @return the log line's account of them, e.g. {@code 2 remote contracts (threads forum.threads.ThreadsApi GET
     *         /api/threads?limit=1&offset=0, users forum.users.UsersApi GET /api/users?limit=1&offset=0; 6 calls)}
     */
    static String calledContracts(Map<String, Integer> called) {
        int calls = called.values().stream().mapToInt(Integer::intValue).sum();
        return called.size() + " remote contract" + (called.size() == 1 ? "" : "s") + " (" + String.join(", ", called.keySet())
                + "; " + calls + " call" + (calls == 1 ? "" : "s") + ")";
    }

    /**
     * Calls each remote module's list operation ({@link #listCall}) up to {@code rounds} times through its client,
     * each a {@link WarmUpCall}: past the module's circuit breaker and retry, so that none counts in the breaker's
     * window. Stops calling a module at its first failure (one WARN line), so a module that is down costs one call.
     * An answer 401 or 403 is no failure: it says only that the warm-up sent no credentials, and it warmed the
     * connection all the same; it counts as a call, and the module gets one INFO line saying its API asks for
     * credentials. A 404 that is no answer of the application's own (no JSON body: a server's or a proxy's answer for
     * a path below which no application serves, as Tomcat's or Reactor Netty's outside the context path) to a module
     * named in {@code missingContextPath} ends its WARN line with that question
     * ({@code ...; is extraction.topology.remote-base-url missing the context path /hr?}). Never throws.
     *
     * @param apis               module and contract name to the contract, e.g. {@code users forum.users.UsersApi}
     * @param clients            each contract's client, or null when it has none
     * @param rounds             calls per contract
     * @param missingContextPath for a key of {@code apis} whose module's URL does not end with this process's
     *                           context path, the setting and that path, e.g.
     *                           {@code extraction.topology.remote-base-url missing the context path /hr}; empty when
     *                           the process has none
     * @return the contracts the warm-up called (a list operation and a client), in the order of {@code apis}, each
     *         named by its key in {@code apis} and the request it sent ({@link #request}, e.g. {@code users
     *         forum.users.UsersApi GET /api/users?limit=1&offset=0}), with the calls that were answered (0 when the
     *         first failed)
     */
    static Map<String, Integer> warmUp(Map<String, Class<?>> apis, Function<Class<?>, Object> clients, int rounds,
            Map<String, String> missingContextPath) {
        Map<String, Integer> called = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> entry : apis.entrySet()) {
            Map.Entry<Method, Object[]> call = listCall(entry.getValue());
            Object client = call == null ? null : clients.apply(entry.getValue());
            if (client == null) {
                continue;
            }
            String contract = entry.getKey() + " " + request(entry.getValue(), call.getKey());
            called.put(contract, 0);
            int credentialsAsked = 0;
            for (int round = 0; round < rounds; round++) {
                WarmUpCall.Outcome outcome = WarmUpCall.send(() -> call.getKey().invoke(client, call.getValue()));
                if (outcome.failure() == null || outcome.asksForCredentials()) {
                    called.merge(contract, 1, Integer::sum);
                    credentialsAsked = outcome.failure() != null ? outcome.status() : credentialsAsked;
                    continue;
                }
                Throwable cause = outcome.failure() instanceof InvocationTargetException ite ? ite.getCause() : outcome.failure();
                boolean noApplication = outcome.status() == 404 && !outcome.json();
                String question = noApplication ? missingContextPath.get(entry.getKey()) : null;
                log.warn("Warm-up of remote module '{}' stopped: {}{}", entry.getKey(), String.valueOf(cause),
                        question == null ? "" : "; is " + question + "?");
                break;
            }
            if (credentialsAsked != 0) {
                log.info("Warm-up of remote module '{}' warmed the connection, but the API asks for credentials: {} "
                        + "answered {} (the warm-up sends none)", entry.getKey(), request(entry.getValue(), call.getKey()),
                        credentialsAsked);
            }
        }
        return called;
    }

    /**
     * A contract's list operation and the arguments the warm-up calls it with: a {@code @GetExchange} on the
     * contract's own path with at least one parameter, each a {@code @RequestParam}; a method with no parameter
     * ({@code List<X> list()}) is never called, since it may read a whole table at every start. Of several the
     * warm-up can call, the one with the most parameters, then by name. {@code limit} gets 1; every other parameter must be optional (not required, a default
     * value, or an {@code Optional}) and is given no value of the warm-up's own: null, {@code Optional.empty()}, or for
     * a primitive its {@code defaultValue}. Spring's HTTP-interface client then sends a parameter without a
     * {@code defaultValue} not at all, and one with a {@code defaultValue} at that value, as it does for every call that
     * leaves it out ({@link #request}): the forum's lists get {@code ?limit=1&offset=0}. That is harmless: it is the
     * default the remote module's controller applies from the same contract when the parameter is missing, and the very
     * request any other call of {@code list(1, ...)} sends. So a {@code list(page, size)} is asked for the remote
     * module's default page, never for a page of size 0.
     *
     * @param api a remote module's contract interface
     * @return the operation and its arguments, or null when the contract has none the warm-up can call: no such
     *         operation, or only ones with a required parameter other than {@code limit}
     */
    static Map.Entry<Method, Object[]> listCall(Class<?> api) {
        Method[] methods = api.getMethods();
        Arrays.sort(methods, Comparator.<Method>comparingInt(Method::getParameterCount).reversed()
                .thenComparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            GetExchange get = AnnotatedElementUtils.findMergedAnnotation(method, GetExchange.class);
            if (get == null || !get.url().isEmpty() || method.getParameterCount() == 0) {
                continue;
            }
            Object[] arguments = new Object[method.getParameterCount()];
            boolean callable = true;
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length && callable; i++) {
                try {
                    arguments[i] = leftOut(parameters[i]);
                } catch (IllegalArgumentException | ConversionException notOptional) {
                    callable = false;
                }
            }
            if (callable) {
                return Map.entry(method, arguments);
            }
        }
        return null;
    }

    /**
     * What the warm-up's call of a list operation ({@link #listCall}) sends, as Spring's HTTP-interface client builds
     * it: {@code GET}, the contract's path ({@code @HttpExchange} of the interface; the operation adds none), and the
     * query of {@code limit=1} and of each other parameter that has a {@code defaultValue}, at that value, in the
     * operation's order, each value percent-encoded but for unreserved characters, as the client's default URI
     * encoding does ({@code name,asc} is sent as {@code name%2Casc}).
     *
     * @param api  the contract interface
     * @param list its list operation
     * @return e.g. {@code GET /api/users?limit=1&offset=0}, relative to the module's base URL
     */
    static String request(Class<?> api, Method list) {
        HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (Parameter parameter : list.getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            String name = name(param, parameter);
            if ("limit".equals(name)) {
                query.add("limit=1");
            } else if (!ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                query.add(name + "=" + UriUtils.encode(param.defaultValue(), StandardCharsets.UTF_8));
            }
        }
        return "GET " + (exchange == null ? "" : exchange.url()) + query;
    }

    /** A request parameter's name: the annotation's, else the Java parameter's when compiled with {@code -parameters}. */
    private static String name(RequestParam param, Parameter parameter) {
        return !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                : parameter.isNamePresent() ? parameter.getName() : "";
    }

    /**
     * @return the argument of one parameter of a list operation ({@link #listCall})
     * @throws IllegalArgumentException when the warm-up cannot call an operation with this parameter
     */
    private static Object leftOut(Parameter parameter) {
        RequestParam param = parameter.getAnnotation(RequestParam.class);
        if (param == null) {
            throw new IllegalArgumentException("not a request parameter");
        }
        String name = name(param, parameter);
        Class<?> type = parameter.getType();
        ConversionService conversion = DefaultConversionService.getSharedInstance();
        if ("limit".equals(name)) {
            Object one = conversion.convert("1", type);
            if (one == null) {
                throw new IllegalArgumentException("a limit that is not a number");
            }
            return one;
        }
        boolean hasDefault = !ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (param.required() && !hasDefault) {
            throw new IllegalArgumentException("required");
        }
        if (!type.isPrimitive()) {
            return null;
        }
        if (!hasDefault) {
            throw new IllegalArgumentException("a primitive without a default value");
        }
        return conversion.convert(param.defaultValue(), type);
    }
}
