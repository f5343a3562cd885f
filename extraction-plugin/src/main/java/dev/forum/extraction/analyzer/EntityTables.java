package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The persistent types of the application and the table each maps to, so that the plugin can refuse a table
 * shared by modules in different services: JPA entities ({@code jakarta.persistence.Entity}) and Spring Data
 * relational aggregates (types annotated {@code org.springframework.data.relational.core.mapping.Table}, or the
 * domain type of a Spring Data repository). A table without an explicit name is named as Spring Boot's defaults
 * name it: the entity (or class) name in snake case, lower case (Hibernate's naming under Boot and Spring Data
 * JDBC's {@code DefaultNamingStrategy} agree on it).
 */
final class EntityTables {

    private static final String JPA_ENTITY = "jakarta.persistence.Entity";
    private static final String JPA_TABLE = "jakarta.persistence.Table";
    private static final String RELATIONAL_TABLE = "org.springframework.data.relational.core.mapping.Table";
    private static final String REPOSITORY = "org.springframework.data.repository.Repository";

    private EntityTables() {
    }

    /** One {@code {type, table, store}} per persistent type, {@code store} being {@code jpa} or {@code relational}. */
    static List<Object> find(Collection<JavaClass> types) {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        for (JavaClass type : types) {
            if (type.isAnnotatedWith(JPA_ENTITY)) {
                Optional<String> table = type.tryGetAnnotationOfType(JPA_TABLE).flatMap(t -> qualified(t, "name"));
                String name = table.orElseGet(() -> type.tryGetAnnotationOfType(JPA_ENTITY)
                        .flatMap(e -> text(e, "name")).orElse(type.getSimpleName()));
                found.put(type.getName(), entity(type, table.isPresent() ? name : snakeCase(name), "jpa"));
            } else if (type.isAnnotatedWith(RELATIONAL_TABLE)) {
                JavaAnnotation<?> annotation = type.tryGetAnnotationOfType(RELATIONAL_TABLE).orElseThrow();
                String name = qualified(annotation, "value").or(() -> qualified(annotation, "name"))
                        .orElse(snakeCase(type.getSimpleName()));
                found.put(type.getName(), entity(type, name, "relational"));
            }
        }
        for (JavaClass type : types) {
            if (!type.isInterface() || !type.isAssignableTo(REPOSITORY)) {
                continue;
            }
            domainType(type).filter(domain -> !found.containsKey(domain.getName()) && types.contains(domain))
                    .ifPresent(domain -> found.put(domain.getName(), entity(domain, snakeCase(domain.getSimpleName()), "relational")));
        }
        return new ArrayList<>(found.values());
    }

    /** The first type argument of the repository interface it extends, e.g. {@code Order} of {@code CrudRepository<Order, Long>}. */
    private static Optional<JavaClass> domainType(JavaClass repository) {
        for (JavaType implemented : repository.getInterfaces()) {
            if (implemented instanceof JavaParameterizedType generic && implemented.toErasure().isAssignableTo(REPOSITORY)
                    && !generic.getActualTypeArguments().isEmpty()) {
                return Optional.of(generic.getActualTypeArguments().get(0).toErasure());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> entity(JavaClass type, String table, String store) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type.getName());
        json.put("table", table.toLowerCase(Locale.ROOT));
        json.put("store", store);
        return json;
    }

    /** {@code schema.name} when the annotation names a schema, else {@code name}; empty when no name is given. */
    private static Optional<String> qualified(JavaAnnotation<?> annotation, String attribute) {
        return text(annotation, attribute).map(name -> text(annotation, "schema").map(schema -> schema + "." + name).orElse(name));
    }

    private static Optional<String> text(JavaAnnotation<?> annotation, String attribute) {
        return annotation.get(attribute).map(String::valueOf).filter(value -> !value.isBlank());
    }

    /** {@code InvoiceLine} to {@code invoice_line}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
