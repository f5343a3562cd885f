package dev.forum.extraction.analyzer;

import dev.forum.extraction.runtime.topology.TypeNames;
import dev.forum.extraction.runtime.topology.UnsentParameters;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds what an HTTP contract cannot carry: a method's parameter or return type that Jackson cannot build from JSON,
 * a URL or header parameter Spring cannot convert from text, or a parameter Spring's HTTP client does not send at all.
 * Every call of such a method through the remote client fails at run time, so the plugin refuses the build instead.
 * What is checked of a parameter follows how the client sends it ({@link ContractParameters}); only what certainly fails
 * is refused:
 * <ul>
 * <li>what goes as JSON: the body ({@code @RequestBody}), each part of a multipart request ({@code @RequestPart}) that is
 * not a file ({@code MultipartFile}, a {@code Resource}, a servlet {@code Part}), and the return type (inside
 * {@code ResponseEntity}, {@code HttpEntity}, {@code Optional}, {@code Mono}, {@code Flux}, {@code CompletableFuture}...)
 * must be data: not an interface or abstract class, except those Jackson builds by default ({@code Object},
 * {@code Serializable}, {@code Comparable}, the {@code java.util} collections and maps, {@code Iterable},
 * {@code CharSequence}, {@code Number}, {@code java.time}, {@code TimeZone}, {@code Calendar}, {@code Path}, Jackson's and
 * Spring's own types), unless the type is annotated for polymorphism or with its own deserializer ({@code @JsonTypeInfo},
 * {@code @JsonSubTypes}, {@code @JsonDeserialize} with {@code as}, {@code using} or {@code builder}, Jackson 2's or 3's,
 * found by name so that no Jackson is needed here); and nothing that is not data at all (threads, byte and character
 * streams, {@code java.util.stream} streams, {@code Class}, class loaders, reflection). Type arguments are checked
 * ({@code List<Predicate<X>>}), and so are the record components and the visible fields of the application's own
 * classes, recursively ({@link JacksonProperties}); a library's concrete class is trusted;</li>
 * <li>a {@code @PathVariable}, {@code @RequestParam}, {@code @RequestHeader} or {@code @CookieValue} parameter travels
 * as text ({@link TextParameters});</li>
 * <li>a parameter with none of those annotations (nor {@code @RequestAttribute}) and of no type the client takes
 * without one ({@code URI}, {@code HttpMethod}, {@code UriBuilderFactory}, {@code MultipartFile}) is not sent at all:
 * the client cannot resolve it, whatever its type, and a record there is not read from the body by a controller
 * either;</li>
 * <li>a parameter the client takes but does not send as the controller takes it: {@code @RequestAttribute} (kept on the
 * client's request), a {@code URI} or {@code UriBuilderFactory} argument (it replaces the module's URL), a streaming
 * body, an {@code HttpMethod} against the method the exchange declares: extraction-runtime's
 * {@link UnsentParameters}, the list the run time checks at start too.</li>
 * <li>no parameter or return type holds a reactive or asynchronous type ({@code Mono}, {@code Flux}, any
 * {@code Publisher}, {@code CompletableFuture}...; also as a type argument at any depth: {@code ResponseEntity<Flux<X>>},
 * {@code List<Mono<X>>}), and no method is a Kotlin {@code suspend} function: the run time's client is blocking and
 * cannot serve one ({@link AsyncTypes}, with the run time's own list, which its start checks too); what such a type
 * carries is checked as above too.</li>
 * </ul>
 * A type made carriable only by a Jackson module or mix-in, or a parameter only by an argument resolver, registered in
 * code is refused; annotate it instead.
 */
public final class ContractTypes {

    private static final String EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";
    /** The types a multipart request carries as files, not as JSON. */
    private static final Set<String> FILE_PARTS = Set.of("org.springframework.web.multipart.MultipartFile",
            "org.springframework.core.io.Resource", "org.springframework.http.codec.multipart.Part", "jakarta.servlet.http.Part",
            "javax.servlet.http.Part");
    private static final Set<String> WRAPPERS = Set.of("org.springframework.http.ResponseEntity", "org.springframework.http.HttpEntity",
            "org.springframework.http.RequestEntity", "java.util.Optional", "reactor.core.publisher.Mono", "reactor.core.publisher.Flux",
            "org.reactivestreams.Publisher", "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage",
            "java.util.concurrent.Future");

    private final Predicate<String> own;
    private final JsonDataTypes json;

    /** @param own whether a class is the application's own, whose fields are checked too */
    public ContractTypes(Predicate<String> own) {
        this.own = own;
        this.json = new JsonDataTypes(own);
    }

    /**
     * One problem a contract has: {@code part} is {@code parameter 'name'} (or {@code parameter N} without names) or
     * {@code return type}; {@code problem} says why it cannot travel, {@code fix} what to send instead.
     */
    public record Problem(String method, String part, String type, String problem, String fix) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("method", method);
            json.put("part", part);
            json.put("type", type);
            json.put("problem", problem);
            json.put("fix", fix);
            return json;
        }
    }

    static final String DATA_FIX = "send a record or class of data instead (or annotate the type for Jackson's polymorphism"
            + " with @JsonTypeInfo and @JsonSubTypes)";
    static final String PART_FIX = "send a record or class of data, or a file (MultipartFile, a Resource, bytes) instead"
            + " (or annotate the type for Jackson's polymorphism with @JsonTypeInfo and @JsonSubTypes)";
    static final String UNBOUND_FIX = "annotate it: @RequestBody for a record or class of data (one per method), @RequestPart"
            + " for a part of a multipart request, @PathVariable, @RequestParam or @RequestHeader for text";
    static final String TEXT_FIX = "use a String, a number, an enum, a java.time value, a UUID or a type with a String"
            + " constructor or a static valueOf, of, from or parse(String), or send it as a record in the @RequestBody";

    /** Every problem of the contract's HTTP exchange methods, in method order. */
    public List<Problem> problems(Class<?> contract) {
        List<Problem> problems = new ArrayList<>();
        Method[] methods = contract.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || !exchange(method)) {
                continue;
            }
            Parameter[] parameters = method.getParameters();
            int first = problems.size();
            problems.addAll(AsyncTypes.problems(method, i -> partName(parameters[i], i)));
            for (UnsentParameters.Unsent unsent : UnsentParameters.unsent(method)) {
                int i = unsent.parameter();
                problems.add(new Problem(method.getName(), partName(parameters[i], i), parameters[i].getParameterizedType().getTypeName(),
                        unsent.kind() + " does not reach the module as its controller takes it: " + unsent.problem(), unsent.fix()));
            }
            Type[] generic = method.getGenericParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                Parameter parameter = parameters[i];
                Type type = generic.length == parameters.length ? generic[i] : parameter.getParameterizedType();
                String part = partName(parameter, i);
                ContractParameters.Binding binding = ContractParameters.binding(parameter);
                if (binding == ContractParameters.Binding.UNBOUND
                        && AsyncTypes.joinUnbound(problems.subList(first, problems.size()), method.getName(), part, UNBOUND_FIX)) {
                    continue;
                }
                Optional<String> problem = switch (binding) {
                    case BODY -> json.problem(unwrap(type));
                    case PART -> part(type);
                    case TEXT -> text(type);
                    case REQUEST -> Optional.empty();
                    case UNBOUND -> Optional.of("it has none of the annotations Spring's HTTP client sends a parameter by ("
                            + ContractParameters.annotations() + "), so the client cannot resolve it");
                };
                String fix = switch (binding) {
                    case TEXT -> TEXT_FIX;
                    case PART -> PART_FIX;
                    case UNBOUND -> UNBOUND_FIX;
                    default -> DATA_FIX;
                };
                problem.ifPresent(p -> problems.add(new Problem(method.getName(), part, type.getTypeName(), p, fix)));
            }
            Type returned = method.getGenericReturnType();
            json.problem(unwrap(returned)).ifPresent(p -> problems.add(new Problem(method.getName(), "return type", returned.getTypeName(), p,
                    DATA_FIX)));
        }
        return problems;
    }

    /** How a problem names a parameter: {@code parameter 'name'}, or {@code parameter N} (from 1) without names. */
    private static String partName(Parameter parameter, int index) {
        return "parameter " + (parameter.isNamePresent() ? "'" + parameter.getName() + "'" : String.valueOf(index + 1));
    }

    /** Why a URL or header parameter cannot be converted from text, or empty when it can (or might): {@link TextParameters}. */
    public Optional<String> text(Type type) {
        return TextParameters.text(type, own);
    }

    /**
     * Why a part of a multipart request cannot travel, or empty when it can: a file ({@code MultipartFile}, a
     * {@code Resource}, a servlet {@code Part}, also in a collection or array) goes as it is, anything else is written
     * as JSON like a body ({@link JsonDataTypes}).
     */
    public Optional<String> part(Type type) {
        Type content = unwrap(type);
        Type element = content;
        if (element instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && java.util.Collection.class.isAssignableFrom(raw) && generic.getActualTypeArguments().length == 1) {
            element = generic.getActualTypeArguments()[0];
        } else if (element instanceof Class<?> array && array.isArray()) {
            element = array.getComponentType();
        }
        if (element instanceof Class<?> raw && TypeNames.supertypes(raw).stream().anyMatch(FILE_PARTS::contains)) {
            return Optional.empty();
        }
        return json.problem(content);
    }

    /** The body inside a wrapper the client and server unwrap: {@code ResponseEntity<T>}, {@code Optional<T>}, {@code Mono<T>}... */
    static Type unwrap(Type type) {
        Type current = type;
        while (current instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && WRAPPERS.contains(raw.getName()) && generic.getActualTypeArguments().length == 1) {
            current = generic.getActualTypeArguments()[0];
        }
        if (current instanceof Class<?> raw && (raw == void.class || WRAPPERS.contains(raw.getName()))) {
            return Void.class;
        }
        return current;
    }

    private static boolean exchange(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(EXCHANGE)
                || Arrays.stream(a.annotationType().getAnnotations()).anyMatch(meta -> meta.annotationType().getName().equals(EXCHANGE)));
    }
}
