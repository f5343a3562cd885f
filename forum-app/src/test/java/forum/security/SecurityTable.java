package forum.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import forum.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * The security table: every way a write can come without the right to it, and what it must get. Tokens that no
 * client could make honestly are signed with the tests' own keys ({@link TestTokens}).
 */
final class SecurityTable {

    /** One refused write: the token sent (or null), the status and problem type, the WWW-Authenticate error if any. */
    record Row(String name, Supplier<String> authorization, String body, int status, String type, String challenge) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The user the tables write as, where the token is otherwise right: marceline. */
    static final long CALLER = 1;

    private SecurityTable() {
    }

    /** Rows for a write to {@code POST /api/posts}; {@code body} names no author unless the row is about that. */
    static List<Row> posts() {
        String body = "{\"thread\":1,\"text\":\"security table\"}";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("no token", () -> null, body, 401, "unauthorized", null));
        rows.add(new Row("a token that is not a JWT", () -> "Bearer not-a-token", body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a JWT cut short", () -> "Bearer " + cut(TestTokens.forUser(CALLER)), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("an expired token", () -> "Bearer " + TestTokens.builder(CALLER)
                .expiresAt(Instant.now().minusSeconds(3600)).sign(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token without an expiry", () -> "Bearer " + TestTokens.builder(CALLER).expiresAt(null).sign(),
                body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token signed by another key with the same key id", () -> "Bearer " + TestTokens.builder(CALLER)
                .signedWith(TestTokens.IMPOSTOR).sign(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token signed by a key that is not published (rotated away, or never ours)", () -> "Bearer "
                + TestTokens.builder(CALLER).signedWith(TestTokens.NEXT).sign(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token of another issuer", () -> "Bearer " + TestTokens.builder(CALLER).issuer("https://evil.example")
                .sign(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token for another audience", () -> "Bearer " + TestTokens.builder(CALLER).audience("billing")
                .sign(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a valid token with base64url padding appended (RFC 7515 writes none)",
                () -> "Bearer " + TestTokens.forUser(CALLER) + "==", body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a valid token whose signature's last character has its unused bits set",
                () -> "Bearer " + unusedBitsSet(TestTokens.forUser(CALLER)), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token with alg none", () -> "Bearer " + TestTokens.unsigned(CALLER), body, 401, "unauthorized",
                "invalid_token"));
        rows.add(new Row("a token signed with HS256 and the public key as secret (algorithm confusion)",
                () -> "Bearer " + hs256WithPublicKey(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a token whose subject is not a forum user id", () -> "Bearer " + TestTokens.builder(CALLER)
                .subject("c0ffee00-dead-beef").sign(), body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("a valid token of a user this forum does not have", () -> "Bearer " + TestTokens.forUser(987_654),
                body, 401, "unauthorized", "invalid_token"));
        rows.add(new Row("basic credentials instead of a token", () -> "Basic bWFyY2VsaW5lOnZhbXBpcmUtcXVlZW4tMTAwMA==",
                body, 401, "unauthorized", null));
        rows.add(new Row("a valid token of user 1 writing as user 2", () -> "Bearer " + TestTokens.forUser(CALLER),
                "{\"thread\":1,\"text\":\"as someone else\",\"user\":2}", 403, "forbidden", null));
        return rows;
    }

    private static String cut(String token) {
        return token.substring(0, token.lastIndexOf('.') + 5);
    }

    /**
     * The same token with the lowest bit of its signature's last character set: a signature of 4n + 2 or 4n + 3
     * characters ends in bits past its last byte, which decode to the same bytes whatever they are.
     */
    private static String unusedBitsSet(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int signatureLength = token.length() - token.lastIndexOf('.') - 1;
        if (signatureLength % 4 == 0) {
            throw new IllegalStateException("a signature of 4n characters has no unused bits: " + token);
        }
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        return token.substring(0, token.length() - 1) + alphabet.charAt(last | 1);
    }

    /** A token an attacker makes from the published key: HMAC with the public key's bytes as the secret. */
    private static String hs256WithPublicKey() {
        try {
            byte[] secret = TestTokens.PRIMARY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTokens.PRIMARY.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(Long.toString(CALLER))
                            .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
