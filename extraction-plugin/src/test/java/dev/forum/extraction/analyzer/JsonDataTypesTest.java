package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whether JSON carries a type both ways: what a contract's body, parts and return type may be. */
class JsonDataTypesTest {

    private static final JsonDataTypes RULE = new JsonDataTypes(name -> name.startsWith("dev.forum.extraction.analyzer."));

    enum Colour { RED, GREEN }

    record Stock(String sku, int count, BigDecimal price, Instant at, Colour colour, Optional<String> note) {
    }

    record Order(UUID id, List<Line> lines, Map<String, List<Stock>> byShelf, SortedMap<String, Integer> totals, Set<Colour> colours,
            LocalDate due, Object extra, JsonNode raw, byte[] blob, Line[] more) {
    }

    record Line(Stock stock, int quantity, List<List<Stock>> nested) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
    @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle")})
    interface Shape {
    }

    record Circle(double radius) implements Shape {
    }

    @JsonDeserialize(as = Square.class)
    abstract static class Figure {
    }

    static final class Square extends Figure {
        public double side;
    }

    abstract static class Animal {
    }

    record WithStream(String name, InputStream content) {
    }

    record Deep(List<Wrapper> wrappers) {
    }

    record Wrapper(Map<String, WithFunction> byName) {
    }

    record WithFunction(String name, Function<String, String> rename) {
    }

    record Cyclic(String name, List<Cyclic> children) {
    }

    record Polymorphic(List<Shape> shapes, Figure figure) {
    }

    record Ignoring(String name, @JsonIgnore Predicate<String> filter) {
    }

    /** A class whose private field Jackson never sees (no accessor), and a visible one it does. */
    static final class Bean {
        private Runnable hidden;
        private Supplier<String> visible;

        public Supplier<String> getVisible() {
            return visible;
        }
    }

    private static Type type(String name) throws NoSuchFieldException {
        return Types.class.getDeclaredField(name).getGenericType();
    }

    @SuppressWarnings("unused")
    private static final class Types {
        List<Stock> stocks;
        Map<String, Order> orders;
        Optional<Stock> maybe;
        List<Predicate<Stock>> predicates;
        Map<String, Supplier<Stock>> suppliers;
        List<Runnable> runnables;
        Stream<Stock> stream;
        Class<?> type;
        Optional<Animal> maybeAnimal;
        List<? extends Shape> shapes;
        Iterable<Stock> iterable;
        CharSequence text;
        Number number;
    }

    @Test
    void dataJsonCarriesIsAccepted() throws Exception {
        for (Type type : List.<Type>of(Stock.class, Order.class, Line.class, Colour.class, String.class, int.class, Object.class,
                Shape.class, Figure.class, Polymorphic.class, Ignoring.class, Cyclic.class, Circle.class, UUID.class, Instant.class,
                java.time.ZoneId.class, type("stocks"), type("orders"), type("maybe"), type("shapes"), type("iterable"),
                type("text"), type("number"), List.class, Map.class)) {
            assertEquals(Optional.empty(), RULE.problem(type), type.getTypeName());
        }
    }

    @Test
    void whatJsonCannotCarryIsRefusedWithTheReason() throws Exception {
        assertEquals(Optional.of("java.util.function.Predicate is an interface, a function rather than data, that Jackson cannot"
                + " build from JSON (it cannot know which implementation to make)"), RULE.problem(type("predicates")));
        assertEquals(Optional.of("java.util.function.Supplier is an interface, a function rather than data, that Jackson cannot"
                + " build from JSON (it cannot know which implementation to make)"), RULE.problem(type("suppliers")));
        assertTrue(RULE.problem(type("runnables")).orElseThrow().startsWith("java.lang.Runnable is an interface, a function"));
        assertTrue(RULE.problem(Animal.class).orElseThrow().startsWith(Animal.class.getName() + " is an abstract class that Jackson"));
        assertTrue(RULE.problem(type("maybeAnimal")).orElseThrow().startsWith(Animal.class.getName() + " is an abstract class"));
        assertEquals(Optional.of("its component WithStream.content: java.io.InputStream is a stream of bytes, not data: JSON cannot"
                + " carry it"), RULE.problem(WithStream.class));
        assertEquals(Optional.of("its component Deep.wrappers: its component Wrapper.byName: its component WithFunction.rename:"
                + " java.util.function.Function is an interface, a function rather than data, that Jackson cannot build from JSON"
                + " (it cannot know which implementation to make)"), RULE.problem(Deep.class));
        assertTrue(RULE.problem(type("stream")).orElseThrow().startsWith("java.util.stream.Stream is a java.util.stream stream, not data"));
        assertTrue(RULE.problem(type("type")).orElseThrow().startsWith("java.lang.Class is a class, not data"));
        assertTrue(RULE.problem(Thread.class).orElseThrow().startsWith("java.lang.Thread is a thread, not data"));
        assertTrue(RULE.problem(Bean.class).orElseThrow().startsWith("its field Bean.visible: java.util.function.Supplier is"),
                "the visible field only: " + RULE.problem(Bean.class));
    }

    @Test
    void jacksonAgreesWithTheRule() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        assertThrows(InvalidDefinitionException.class, () -> json.readValue("{}", Animal.class));
        assertThrows(InvalidDefinitionException.class, () -> json.readValue("{}", Predicate.class));
        assertThrows(InvalidDefinitionException.class, () -> json.readValue("[{}]",
                json.getTypeFactory().constructType(type("runnables"))));
        assertEquals(new Circle(2), json.readValue("{\"@type\":\"circle\",\"radius\":2}", Shape.class));
        assertEquals(3.0, ((Square) json.readValue("{\"side\":3}", Figure.class)).side);
        assertEquals(new Ignoring("x", null), json.readValue("{\"name\":\"x\"}", Ignoring.class));
    }

    @Test
    void onlyTheApplicationsOwnClassesAreLookedInto() {
        JsonDataTypes none = new JsonDataTypes(name -> false);
        assertEquals(Optional.empty(), none.problem(WithStream.class), "a library's concrete class is trusted");
        assertTrue(none.problem(Animal.class).isPresent(), "an abstract class is refused wherever it comes from");
    }
}
