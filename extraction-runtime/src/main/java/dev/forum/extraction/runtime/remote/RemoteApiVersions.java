package dev.forum.extraction.runtime.remote;

import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.http.client.autoconfigure.ApiversionProperties;
import org.springframework.boot.http.client.autoconfigure.PropertiesApiVersionInserter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ApiVersionInserter;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a remote module's client puts the API version of a versioned contract method ({@code @GetExchange(url = ...,
 * version = "1.1")}, Spring Framework 7's API versioning): in process such a call reaches the bean with no version at
 * all, over HTTP the module's server picks the handler by it, so the client must send it where that server reads it.
 * In order, the first that applies:
 * <ol>
 * <li>Spring Boot's setting for the module's client, {@code spring.http.serviceclient.<module>.apiversion.insert.*}
 * ({@code header}, {@code query-parameter}, {@code path-segment}, {@code media-type-parameter}; with
 * {@code apiversion.default}, a version sent with every call), as Spring Boot applies it to an HTTP service group of that
 * name;</li>
 * <li>the inserter the application set on Spring Boot's {@link RestClient.Builder} itself (a
 * {@code RestClientCustomizer}), kept as it is;</li>
 * <li>where the module's server reads versions, from the application's own settings, the same in every process of
 * it: {@code spring.mvc.apiversion.use.*}, else {@code spring.webflux.apiversion.use.*}; a version goes to every
 * place they name, a path segment counted after the base URL's own path ({@code /hr} of
 * {@code http://host/hr}), a media type parameter on the {@code Accept} header (of a compatible type, else the
 * configured type is added) and on a compatible {@code Content-Type}.</li>
 * </ol>
 * Where none applies and the contract has a versioned method, making its client fails in one line naming the module,
 * the method and the settings to write ({@link #apply}).
 */
public final class RemoteApiVersions {

    private static final String[] SERVER_SETTINGS = {"spring.mvc.apiversion.use", "spring.webflux.apiversion.use"};

    /** The probe's path: deep enough for any path segment an application's own inserter puts a version at. */
    private static final URI PROBE = URI.create("http://probe.invalid/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16");

    private final Binder binder;

    /** @param environment the application's settings, read when a client is made */
    public RemoteApiVersions(Environment environment) {
        this(Binder.get(environment));
    }

    private RemoteApiVersions(Binder binder) {
        this.binder = binder;
    }

    /** @return versions without any setting: a client keeps its builder's inserter; a versioned contract is refused */
    static RemoteApiVersions none() {
        return new RemoteApiVersions(new Binder());
    }

    /**
     * Gives a module's client builder the inserter of its versions (class doc), before the client is built.
     *
     * @param module  the remote module
     * @param baseUrl where it lives (its path counts ahead of a path segment read from the server's settings)
     * @param api     the contract the client is made of
     * @param builder Spring Boot's builder of the client, the application's customizers applied
     * @throws IllegalStateException when the contract has a versioned method and no setting says where its version
     *     goes (the message names the module, the method and the settings to write)
     */
    public void apply(String module, URI baseUrl, Class<?> api, RestClient.Builder builder) {
        ApiversionProperties client = clientSettings(module);
        if (client.getDefaultVersion() != null) {
            builder.defaultApiVersion(client.getDefaultVersion());
        }
        if (placed(client.getInsert())) {
            builder.apiVersionInserter(PropertiesApiVersionInserter.get(client.getInsert()));
            return;
        }
        ApiVersionInserter server = serverInserter(baseUrl);
        String versioned = client.getDefaultVersion() != null
                ? "spring.http.serviceclient." + module + ".apiversion.default sends API version "
                        + client.getDefaultVersion() + " with every call"
                : versionedMethod(api);
        if ((server == null && versioned == null) || hasInserter(builder)) {
            return;
        }
        if (server == null) {
            throw new IllegalStateException("Remote module '" + module + "': " + versioned + ", but no setting says where"
                    + " it goes: set spring.mvc.apiversion.use.header (or query-parameter, path-segment,"
                    + " media-type-parameter) where the " + module + " module's server reads versions, or"
                    + " spring.http.serviceclient." + module + ".apiversion.insert.header (or ...) for this client alone");
        }
        builder.apiVersionInserter(server);
    }

    private ApiversionProperties clientSettings(String module) {
        String name = "spring.http.serviceclient." + module + ".apiversion";
        if (!ConfigurationPropertyName.isValid(name)) {
            return new ApiversionProperties();
        }
        return binder.bind(name, ApiversionProperties.class).orElseGet(ApiversionProperties::new);
    }

    private static boolean placed(ApiversionProperties.Insert insert) {
        return hasText(insert.getHeader()) || hasText(insert.getQueryParameter()) || insert.getPathSegment() != null
                || hasText(insert.getMediaTypeParameter());
    }

    /**
     * @param baseUrl the module's base URL
     * @return the inserter of the places {@code spring.mvc.apiversion.use.*} (else {@code spring.webflux...}) names, or
     *     null when they name none
     */
    ApiVersionInserter serverInserter(URI baseUrl) {
        for (String prefix : SERVER_SETTINGS) {
            String header = binder.bind(prefix + ".header", String.class).orElse(null);
            String query = binder.bind(prefix + ".query-parameter", String.class).orElse(null);
            Integer segment = binder.bind(prefix + ".path-segment", Integer.class).orElse(null);
            Map<String, String> mediaTypes = binder.bind(prefix + ".media-type-parameter",
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            if (!hasText(header) && !hasText(query) && segment == null && mediaTypes.isEmpty()) {
                continue;
            }
            ApiVersionInserter.Builder places = ApiVersionInserter.builder();
            if (hasText(header)) {
                places.useHeader(header);
            }
            if (hasText(query)) {
                places.useQueryParam(query);
            }
            if (segment != null) {
                places.usePathSegment(segment + UriComponentsBuilder.fromUri(baseUrl).build().getPathSegments().size());
            }
            if (mediaTypes.isEmpty()) {
                return places.build();
            }
            ApiVersionInserter others = hasText(header) || hasText(query) || segment != null
                    ? places.build() : new ApiVersionInserter() { };
            Map.Entry<String, String> first = mediaTypes.entrySet().iterator().next();
            return new MediaTypeVersions(others, MediaType.parseMediaType(first.getKey()), first.getValue());
        }
        return null;
    }

    /**
     * @return the first of the contract's methods (by name) that sends a version, e.g. {@code PeopleApi.detail sends API
     *     version 1.1}, or null when none does (a version on the interface's {@code @HttpExchange} counts for each)
     */
    static String versionedMethod(Class<?> api) {
        HttpExchange type = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
        Method[] methods = api.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
            if (exchange == null) {
                continue;
            }
            String version = hasText(exchange.version()) ? exchange.version() : type != null ? type.version() : null;
            if (hasText(version)) {
                return api.getSimpleName() + "." + method.getName() + " sends API version " + version;
            }
        }
        return null;
    }

    /**
     * Whether the builder already inserts versions: a throwaway client of a copy of it, with no interceptor, no
     * request initializer, no observation and a request factory that stops before anything is sent, asks for a
     * version; Spring refuses that with an {@link IllegalStateException} before the request is made when no inserter
     * is set.
     */
    static boolean hasInserter(RestClient.Builder builder) {
        RestClient probe = builder.clone()
                .requestInterceptors(List::clear)
                .requestInitializers(List::clear)
                .observationRegistry(ObservationRegistry.NOOP)
                .requestFactory((uri, method) -> {
                    throw new Probed();
                })
                .build();
        try {
            probe.get().uri(PROBE).apiVersion("1").exchange((request, response) -> null);
            return true;
        } catch (Probed inserted) {
            return true;
        } catch (IllegalStateException noInserter) {
            return false;
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** The probe got past the version's insertion: thrown where the request would be made. */
    private static final class Probed extends RuntimeException {
        Probed() {
            super(null, null, false, false);
        }
    }

    /**
     * The server's media type parameter ({@code spring.mvc.apiversion.use.media-type-parameter}): Spring MVC reads it
     * from the {@code Accept} header first, then from {@code Content-Type}; Spring's own client inserter sets only the
     * latter, which a GET does not have. Here: on each {@code Accept} type compatible with the configured one (the
     * configured type added when none is), and on a compatible {@code Content-Type}. The other places are the
     * delegate's.
     */
    private record MediaTypeVersions(ApiVersionInserter delegate, MediaType type, String parameter)
            implements ApiVersionInserter {

        @Override
        public URI insertVersion(Object version, URI uri) {
            return delegate.insertVersion(version, uri);
        }

        @Override
        public void insertVersion(Object version, HttpHeaders headers) {
            delegate.insertVersion(version, headers);
            String value = String.valueOf(version);
            List<MediaType> accepted = headers.getAccept().stream()
                    .map(accept -> type.isCompatibleWith(accept) ? withVersion(accept, value) : accept)
                    .toList();
            if (accepted.stream().noneMatch(type::isCompatibleWith)) {
                accepted = new ArrayList<>(accepted);
                accepted.add(0, withVersion(type, value));
            }
            headers.setAccept(accepted);
            MediaType content = headers.getContentType();
            if (content != null && type.isCompatibleWith(content)) {
                headers.setContentType(withVersion(content, value));
            }
        }

        private MediaType withVersion(MediaType mediaType, String version) {
            Map<String, String> parameters = new LinkedHashMap<>(mediaType.getParameters());
            parameters.put(parameter, version);
            return new MediaType(mediaType, parameters);
        }
    }
}
