package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bodies are UTF-8 JSON text (RFC 8259 section 8.1, RFC 3629), and what the others are told. */
class Utf8BodyUnitTest {

    /** {@code {"t":"} then the bytes, then {@code "}}: the bytes begin at offset 6. */
    private static byte[] inString(String hexBytes) {
        byte[] middle = HexFormat.of().parseHex(hexBytes.replace(" ", ""));
        byte[] start = "{\"t\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[start.length + middle.length + 2];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(middle, 0, body, start.length, middle.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    /** The first and last characters of each length, and those either side of the surrogates, are taken. */
    @ParameterizedTest
    @ValueSource(strings = {"7F", "C2 80", "DF BF", "E0 A0 80", "ED 9F BF", "EE 80 80", "EF BF BD", "EF BF BF",
            "F0 90 80 80", "F4 8F BF BF", "F0 9F 98 80 E2 82 AC C3 A9 41"})
    void every_well_formed_sequence_is_taken(String bytes) {
        assertThat(Utf8Body.fault(inString(bytes))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            C0 BC                 | at byte offset 6, 0xC0 0xBC is an overlong form of U+003C (a character written with more bytes than UTF-8 takes; U+003C is 0x3C)
            C0 AF                 | 0xC0 0xAF is an overlong form of U+002F
            C1 AD                 | 0xC1 0xAD is an overlong form of U+006D
            E0 80 AF              | 0xE0 0x80 0xAF is an overlong form of U+002F
            F0 80 80 AF           | 0xF0 0x80 0x80 0xAF is an overlong form of U+002F
            E0 9F BF              | 0xE0 0x9F 0xBF is an overlong form of U+07FF
            ED A0 BD ED B8 80     | 0xED 0xA0 0xBD encodes U+D83D, a UTF-16 surrogate, which UTF-8 never holds
            ED BF BF              | encodes U+DFFF, a UTF-16 surrogate
            F4 90 80 80           | 0xF4 0x90 0x80 0x80 encodes U+110000, past U+10FFFF
            F5 80 80 80           | 0xF5 0x80 0x80 0x80 encodes U+140000, past U+10FFFF
            41 80                 | at byte offset 7, 0x80 is a continuation byte with no character begun before it
            E2 82                 | at byte offset 6, 0xE2 0x82 begins a character of 3 bytes that is cut short
            E9                    | 0xE9 begins a character of 3 bytes that is cut short (text in another encoding, such as Latin-1, reads like this)
            F0 9F 98              | 0xF0 0x9F 0x98 begins a character of 4 bytes that is cut short
            FF                    | 0xFF is a byte that UTF-8 never holds
            F8 88 80 80 80        | 0xF8 is a byte that UTF-8 never holds
            """)
    void every_ill_formed_sequence_is_refused_naming_its_offset_and_what_is_wrong(String bytes, String what) {
        assertThat(Utf8Body.fault(inString(bytes))).hasValueSatisfying(detail -> assertThat(detail)
                .startsWith("The request body is not valid UTF-8: at byte offset ").contains(what)
                .endsWith("; send the body's text encoded as UTF-8 (RFC 8259 section 8.1)"));
    }

    @Test
    void a_character_cut_short_at_the_end_of_the_body_is_refused() {
        byte[] body = {'{', '}', (byte) 0xC3};
        assertThat(Utf8Body.fault(body)).hasValueSatisfying(detail -> assertThat(detail).contains("at byte offset 2, 0xC3"));
    }

    /** UTF-16 and UTF-32, with a byte order mark or without (their ASCII characters come with NUL bytes). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            UTF-16         | at byte offset 0, 0xFE 0xFF is a UTF-16 or UTF-32 byte order mark
            x-UTF-16LE-BOM | at byte offset 0, 0xFF 0xFE is a UTF-16 or UTF-32 byte order mark
            UTF-16BE       | at byte offset 0 is a NUL byte
            UTF-16LE       | at byte offset 1 is a NUL byte
            UTF-32         | at byte offset 0 is a NUL byte
            UTF-32LE       | at byte offset 1 is a NUL byte
            X-UTF-32LE-BOM | at byte offset 0, 0xFF 0xFE is a UTF-16 or UTF-32 byte order mark
            X-UTF-32BE-BOM | at byte offset 0 is a NUL byte
            """)
    void a_body_in_utf_16_or_utf_32_is_refused(String charset, String what) {
        byte[] body = "{\"title\":\"u16\"}".getBytes(Charset.forName(charset));
        assertThat(Utf8Body.fault(body)).hasValueSatisfying(detail -> assertThat(detail).contains(what));
    }

    @Test
    void a_raw_nul_byte_is_refused_though_it_is_utf_8() {
        byte[] body = "{\"t\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Body.fault(body)).hasValue("The request body is not JSON text in UTF-8: at byte offset 7 is a NUL"
                + " byte, which JSON text never holds (a NUL character in a string is written \\u0000); a body with NUL"
                + " bytes is most likely UTF-16 or UTF-32; send the body's text encoded as UTF-8 (RFC 8259 section 8.1)");
    }

    @Test
    void the_first_bad_byte_is_named_whether_a_nul_or_a_sequence() {
        assertThat(Utf8Body.fault(inString("C0 AF 00"))).hasValueSatisfying(detail -> assertThat(detail).contains("offset 6, 0xC0"));
        assertThat(Utf8Body.fault(inString("00 C0 AF"))).hasValueSatisfying(detail -> assertThat(detail).contains("offset 6 is a NUL"));
    }

    @Test
    void a_utf_8_byte_order_mark_is_utf_8() {
        assertThat(Utf8Body.fault("\uFEFF{\"title\":\"bom\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void an_empty_body_and_a_large_one_are_utf_8() {
        assertThat(Utf8Body.fault(new byte[0])).isEmpty();
        assertThat(Utf8Body.fault(("{\"t\":\"" + "\u00e9\uD83D\uDE00".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
