package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The input next to the bad-input table's encoding and coding refusals ({@link EncodingRows}, {@link HeaderFieldRows})
 * that must still pass: a body without a content coding or labelled {@code identity}, text of every kind a database
 * stores (emoji, combining accents, CJK, right-to-left, line breaks, the UTF-8 sequences at the edges of each length),
 * a UTF-8 byte order mark before the JSON. In: the writes, with marceline's token; out: 201 and the text read back
 * exactly as sent. Runs on each database through {@link AcceptedTextOnH2IntegrationTest} and
 * {@link AcceptedTextOnPostgresIntegrationTest}; the context is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class AcceptedTextContract extends RunningForumTest {

    @Test
    void a_body_sent_without_a_content_coding_or_labelled_identity_is_taken() {
        String thread = "{\"title\":\"identity\"}";
        Reply reply = marceline.send("POST", "/api/threads", "application/json", thread, "Content-Encoding", "identity");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(http.send("GET", "/api/users/1", null, null, "Content-Encoding", "identity").status()).isEqualTo(200);
    }

    @Test
    void text_of_every_kind_a_database_stores_is_stored_and_read_back_exactly() {
        String emoji = "\uD83D\uDE00".repeat(60);
        String bio = "Tabs\tand\r\nline breaks, accents \u00e9\u0301, CJK \u4e16\u754c, RTL \u05e9\u05dc\u05d5\u05dd, "
                + "a flag \uD83C\uDDEB\uD83C\uDDF7 and the last BMP \uFFFD";
        Reply user = http.postJson("/api/users", "{\"username\":\"unicode\",\"password\":\"the-right-words\",\"name\":\"" + emoji + "\",\"bio\":\""
                + bio.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        JsonNode stored = http.get("/api/users/" + user.json().get("id").asLong()).json();
        assertThat(stored.get("name").asString()).isEqualTo(emoji);
        assertThat(stored.get("bio").asString()).isEqualTo(bio);

        Reply post = marceline.postJson("/api/posts", "{\"thread\":1,\"text\":\"" + "\uD83D\uDE00".repeat(10_000) + "\",\"user\":1}");
        assertThat(post.status()).as("10,000 emoji are 10,000 characters").isEqualTo(201);
        assertThat(http.get("/api/posts/" + post.json().get("id").asLong()).json().get("text").asString())
                .hasSize(20_000);

        // The longest text as a client that escapes every non-ASCII character sends it (Python's json.dumps, Java's
        // ASCII-only writers): 12 bytes a character, 120 KB in all, within the body limit.
        Reply escaped = marceline.postJson("/api/posts", "{\"thread\":1,\"text\":\"" + "\\ud83d\\ude00".repeat(10_000)
                + "\",\"user\":1}");
        assertThat(escaped.status()).as("10,000 escaped emoji: %s", escaped.status()).isEqualTo(201);
        assertThat(escaped.json().get("text").asString()).isEqualTo("\uD83D\uDE00".repeat(10_000));
    }

    /**
     * A UTF-8 byte order mark before the JSON text is skipped (RFC 8259 8.1 lets a parser ignore it), labelled
     * charset=UTF-8 or not, and is not stored; every well-formed UTF-8 sequence is taken, the first and last of each
     * length and those either side of the surrogates, and stored exactly.
     */
    @Test
    void a_utf_8_byte_order_mark_is_skipped_and_every_utf_8_sequence_is_taken() {
        for (String contentType : List.of("application/json", "application/json; charset=UTF-8")) {
            Reply thread = marceline.send("POST", "/api/threads", contentType, "\uFEFF{\"title\":\"bom\"}");
            assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
            assertThat(thread.json().get("title").asString()).isEqualTo("bom");
        }
        // U+00A0 ... U+10000, U+10FFFF, between letters: U+00A0 is white space, which the text rule strips from the ends.
        String edges = "a\u00a0\u07ff\u0800\ud7ff\ue000\ufffd\ud800\udc00\udbff\udfffz";
        Reply thread = marceline.send("POST", "/api/threads", "application/json", "{\"title\":\"" + edges + "\"}");
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        assertThat(http.get("/api/threads/" + thread.json().get("id").asLong()).json().get("title").asString()).isEqualTo(edges);
    }
}
