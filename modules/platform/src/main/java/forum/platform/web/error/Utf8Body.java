package forum.platform.web.error;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether a JSON request body is UTF-8 text, as JSON exchanged between systems must be (RFC 8259 section 8.1), before
 * the parser sees it: Jackson decodes UTF-8 leniently (an overlong {@code 0xC0 0xBC} became {@code <}, so
 * {@code <script>} got past any check of the bytes) and guesses UTF-16 or UTF-32 from a body's first bytes. Refused,
 * with the offset of the first bad byte: every byte sequence RFC 3629 rules out (a continuation byte with no lead,
 * an overlong form, a UTF-16 surrogate encoded in UTF-8, a code point past U+10FFFF, a character cut short, a byte
 * that never occurs in UTF-8), and a NUL byte, which UTF-8 JSON text never holds (a control character in a string
 * is escaped, <code>&#92;u0000</code>): the NUL check is what refuses UTF-16 and UTF-32 without a byte order mark, whose
 * ASCII characters each come with NUL bytes. Once a body passes, the parser can only take it for UTF-8. A UTF-8 byte
 * order mark is UTF-8 (U+FEFF): one before the JSON text is skipped by the parser, as RFC 8259 allows; any other is
 * a character, which outside a string is not JSON.
 */
final class Utf8Body {

    private static final String SEND_UTF_8 = "; send the body's text encoded as UTF-8 (RFC 8259 section 8.1)";

    private Utf8Body() {
    }

    /**
     * @param body a request body's bytes
     * @return the detail of the 400 for a body that is not UTF-8 text or holds a NUL byte, naming the first bad byte's
     *         offset (from 0) and what is wrong there; empty when the body is UTF-8 text without NUL
     */
    static Optional<String> fault(byte[] body) {
        int nul = 0;
        while (nul < body.length && body[nul] != 0) {
            nul++;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, 0, nul);
        CharBuffer out = CharBuffer.allocate(Math.min(Math.max(nul, 1), 4096));
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
            out.clear(); // only whether the bytes decode matters, not the characters
            result = decoder.decode(in, out, true);
        }
        if (result.isError()) {
            return Optional.of("The request body is not valid UTF-8: at byte offset " + in.position() + ", "
                    + what(body, in.position(), nul) + SEND_UTF_8);
        }
        if (nul < body.length) {
            return Optional.of("The request body is not JSON text in UTF-8: at byte offset " + nul + " is a NUL byte,"
                    + " which JSON text never holds (a NUL character in a string is written \\u0000); a body with NUL"
                    + " bytes is most likely UTF-16 or UTF-32" + SEND_UTF_8);
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the bytes at {@code at}, where a strict decoder stopped (RFC 3629 section 3's rules).
     *
     * @param body the body
     * @param at   where the bad sequence begins
     * @param end  where the decoded part of the body ends
     * @return the bytes at fault, in hex, and what is wrong with them
     */
    private static String what(byte[] body, int at, int end) {
        int lead = body[at] & 0xFF;
        if (lead >= 0x80 && lead <= 0xBF) {
            return hex(body, at, 1) + " is a continuation byte with no character begun before it";
        }
        if (at == 0 && end >= 2 && (lead == 0xFE || lead == 0xFF) && (body[1] & 0xFF) == (lead ^ 0x01)) {
            return hex(body, at, 2) + " is a UTF-16 or UTF-32 byte order mark: the body is not UTF-8";
        }
        int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 0;
        if (length == 0) {
            return hex(body, at, 1) + " is a byte that UTF-8 never holds";
        }
        int following = 0;
        while (following < length - 1 && at + 1 + following < end && (body[at + 1 + following] & 0xC0) == 0x80) {
            following++;
        }
        if (following < length - 1) {
            return hex(body, at, 1 + following) + " begins a character of " + length + " bytes that is cut short (text"
                    + " in another encoding, such as Latin-1, reads like this)";
        }
        int codePoint = lead & (0x7F >> length);
        for (int i = 1; i < length; i++) {
            codePoint = codePoint << 6 | (body[at + i] & 0x3F);
        }
        String bytes = hex(body, at, length);
        String character = String.format("U+%04X", codePoint);
        if (codePoint < (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000)) {
            byte[] shortest = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
            return bytes + " is an overlong form of " + character + " (a character written with more bytes than UTF-8"
                    + " takes; " + character + " is " + hex(shortest, 0, shortest.length) + ")";
        }
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            return bytes + " encodes " + character + ", a UTF-16 surrogate, which UTF-8 never holds (a character past"
                    + " U+FFFF is written as its own 4 bytes, not as two surrogates)";
        }
        if (codePoint > Character.MAX_CODE_POINT) {
            return bytes + " encodes " + character + ", past U+10FFFF, the last code point of Unicode";
        }
        return bytes + " is not UTF-8";
    }

    private static String hex(byte[] bytes, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            text.append(text.isEmpty() ? "" : " ").append("0x").append(HexFormat.of().withUpperCase().toHexDigits(bytes[i]));
        }
        return text.toString();
    }
}
