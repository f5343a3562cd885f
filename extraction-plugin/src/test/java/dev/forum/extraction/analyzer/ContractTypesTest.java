package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.analyzer.JsonDataTypesTest.Colour;
import dev.forum.extraction.analyzer.JsonDataTypesTest.Order;
import dev.forum.extraction.analyzer.JsonDataTypesTest.Polymorphic;
import dev.forum.extraction.analyzer.JsonDataTypesTest.Stock;
import dev.forum.extraction.analyzer.JsonDataTypesTest.WithStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * What an HTTP contract may take and return, per parameter and return type: data JSON carries (its rule is
 * {@link JsonDataTypesTest}'s), text Spring converts in URLs and headers, what the client sends at all.
 */
class ContractTypesTest {

    private static final ContractTypes RULE = new ContractTypes(name -> name.startsWith("dev.forum.extraction.analyzer."));

    record Sku(String value) {
    }

    record Range(int from, int to) {
    }

    static final class Code {
        private final String code;

        private Code(String code) {
            this.code = code;
        }

        public static Code of(String code) {
            return new Code(code);
        }
    }

    @HttpExchange("/api/inventory")
    interface InventoryApi {
        @PostExchange("/check")
        boolean check(@RequestBody Predicate<Stock> rule);

        @GetExchange("/{sku}")
        ResponseEntity<Stock> stock(@PathVariable Sku sku, @RequestParam Optional<Code> code, @RequestParam List<Colour> colours,
                @RequestParam Map<String, String> all, @RequestHeader("X-Day") LocalDate day, @RequestParam UUID id);

        @GetExchange("/orders")
        List<Order> orders(@RequestParam int page);

        @GetExchange("/suppliers")
        Supplier<Stock> supplier();

        @GetExchange("/later")
        CompletableFuture<ResponseEntity<List<Runnable>>> later();

        @PostExchange("/shapes")
        ResponseEntity<Void> shapes(@RequestBody Polymorphic shapes);

        @GetExchange("/range")
        Stock range(@RequestParam Range range, @PathVariable Function<String, String> f);

        @PostExchange("/upload")
        void upload(@RequestBody WithStream file);

        default Stock first() {
            return null;
        }
    }

    @Test
    void aContractGetsOneProblemPerParameterOrReturnType() {
        List<String> problems = RULE.problems(InventoryApi.class).stream().map(p -> p.method() + " " + p.part() + " " + p.type()).toList();
        assertEquals(List.of(
                "check parameter 'rule' java.util.function.Predicate<" + Stock.class.getTypeName() + ">",
                "later return type java.util.concurrent.CompletableFuture<org.springframework.http.ResponseEntity<java.util.List<java.lang.Runnable>>>",
                "later return type java.util.concurrent.CompletableFuture<org.springframework.http.ResponseEntity<java.util.List<java.lang.Runnable>>>",
                "range parameter 'range' " + Range.class.getTypeName(),
                "range parameter 'f' java.util.function.Function<java.lang.String, java.lang.String>",
                "supplier return type java.util.function.Supplier<" + Stock.class.getTypeName() + ">",
                "upload parameter 'file' " + WithStream.class.getTypeName()), problems);
        ContractTypes.Problem range = RULE.problems(InventoryApi.class).get(3);
        assertEquals(Range.class.getName() + " travels as text in the URL or a header, and Spring has no way to make one from a"
                + " String (no String constructor, no static valueOf, of, from or parse taking one)", range.problem());
        assertEquals(ContractTypes.TEXT_FIX, range.fix());
        assertEquals(ContractTypes.DATA_FIX, RULE.problems(InventoryApi.class).get(0).fix());
    }

    /**
     * Parameters the client sends without @RequestBody: multipart parts (JSON unless a file), and what has no annotation
     * of the client's at all.
     */
    @HttpExchange("/api/files")
    interface FilesApi {
        @PostExchange("/upload")
        void upload(@RequestPart("meta") Predicate<Stock> meta, @RequestPart("file") MultipartFile file,
                @RequestPart("more") List<Resource> more, MultipartFile plain, @RequestPart("raw") InputStream raw,
                @RequestPart("stock") Stock stock, @RequestPart("json") HttpEntity<WithStream> json, @RequestPart("bytes") byte[] bytes);

        @PostExchange("/note")
        Stock note(Stock stock);

        @PostExchange("/entity")
        void entity(HttpEntity<Stock> entity);

        @GetExchange
        Stock to(java.net.URI target, HttpMethod method, @RequestAttribute("trace") Runnable trace, @RequestParam int page);
    }

    @Test
    void aPartIsCheckedLikeABodyUnlessItIsAFileAndAnUnannotatedParameterIsNeverSent() {
        List<ContractTypes.Problem> problems = RULE.problems(FilesApi.class);
        assertEquals(List.of(
                "entity parameter 'entity' org.springframework.http.HttpEntity<" + Stock.class.getTypeName() + ">",
                "note parameter 'stock' " + Stock.class.getTypeName(),
                "to parameter 'target' java.net.URI",
                "to parameter 'method' org.springframework.http.HttpMethod",
                "to parameter 'trace' java.lang.Runnable",
                "upload parameter 'meta' java.util.function.Predicate<" + Stock.class.getTypeName() + ">",
                "upload parameter 'raw' java.io.InputStream",
                "upload parameter 'json' org.springframework.http.HttpEntity<" + WithStream.class.getTypeName() + ">"),
                problems.stream().map(p -> p.method() + " " + p.part() + " " + p.type()).toList());
        assertEquals("it has none of the annotations Spring's HTTP client sends a parameter by (@RequestBody, @RequestPart,"
                + " @PathVariable, @RequestParam, @RequestHeader or @CookieValue), so the client cannot resolve it",
                problems.get(1).problem());
        assertEquals(ContractTypes.UNBOUND_FIX, problems.get(1).fix());
        assertTrue(problems.get(5).problem().startsWith("java.util.function.Predicate is an interface, a function rather"),
                problems.get(5).problem());
        assertEquals(ContractTypes.PART_FIX, problems.get(5).fix());
        assertEquals("java.io.InputStream is a stream of bytes, not data: JSON cannot carry it", problems.get(6).problem());
        assertEquals("its component WithStream.content: java.io.InputStream is a stream of bytes, not data: JSON cannot carry it",
                problems.get(7).problem());
    }

    /**
     * user12's fault 5: what Spring's client accepts but does not send as the controller takes it is refused from the
     * run time's own list ({@code UnsentParameters}): a request attribute, a URI or UriBuilderFactory argument, a
     * streaming body, an HttpMethod against the exchange's declared method. An HttpMethod on an exchange without a
     * method is the request's method, which the controller's HttpMethod parameter reads: kept.
     */
    @HttpExchange("/api/catalog")
    interface RequestShapingApi {
        @GetExchange("/tenant")
        String tenant(@RequestAttribute("tenant") String tenant);

        @GetExchange("/built")
        String built(org.springframework.web.util.UriBuilderFactory factory);

        @PostExchange("/stream")
        void stream(org.springframework.http.StreamingHttpOutputMessage.Body body);

        @HttpExchange("/any")
        String any(HttpMethod method, @RequestParam("sku") String sku);
    }

    @Test
    void aParameterTheClientKeepsOrUsesToAddressTheCallIsRefusedInOneLine() {
        List<ContractTypes.Problem> problems = RULE.problems(RequestShapingApi.class);
        assertEquals(List.of("built parameter 'factory'", "stream parameter 'body'", "tenant parameter 'tenant'"),
                problems.stream().map(p -> p.method() + " " + p.part()).toList());
        ContractTypes.Problem tenant = problems.get(2);
        assertEquals("java.lang.String", tenant.type());
        assertEquals("@RequestAttribute does not reach the module as its controller takes it: Spring's HTTP client keeps a"
                + " @RequestAttribute on its own request and sends nothing, so the module answers 400 (in process the"
                + " controller gets the value)", tenant.problem());
        assertEquals("send the value with @RequestHeader, @RequestParam or in the @RequestBody", tenant.fix());
    }
}
