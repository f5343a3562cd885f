package forum.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Tokens as a test needs them, signed with the tests' own keys: the key set the test configuration gives the users
 * module ({@code config/application.properties}), an impostor key with the same key id, and the next key of a
 * rotation. Valid ones are for tests that do not exercise login; the others are what a client could never make,
 * for the security table.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:forum:users";
    public static final String AUDIENCE = "urn:forum:api";

    /** The users module's key in the tests. */
    public static final JWK PRIMARY = load(fromTestConfiguration());
    /** Another key with the same key id: its signatures do not verify. */
    public static final JWK IMPOSTOR = load(resource("/forum/support/keys/impostor.json"));
    /** An RSA key, for rotations: {@link #rotated()} is the key set with it first. */
    public static final JWK NEXT = load(resource("/forum/support/keys/next.json"));

    private TestTokens() {
    }

    /** A valid token for this user id, as the users module would sign it. */
    public static String forUser(long userId) {
        return builder(userId).sign();
    }

    /** A token to change before signing. */
    public static Builder builder(long userId) {
        return new Builder(userId);
    }

    /** A token with {@code alg: none}: no signature at all. */
    public static String unsigned(long userId) {
        return new PlainJWT(builder(userId).claims()).serialize();
    }

    /** The test key set with {@link #NEXT} first: what the users module is given to rotate to the next key. */
    public static String rotated() {
        return new JWKSet(List.of(NEXT, PRIMARY)).toString(false);
    }

    /** The test key set with only {@link #NEXT}: the old key is gone. */
    public static String onlyNext() {
        return new JWKSet(List.of(NEXT)).toString(false);
    }

    /** The test key set as configured. */
    public static String primaryOnly() {
        return new JWKSet(PRIMARY).toString(false);
    }

    /** A token being made: valid unless changed. */
    public static final class Builder {
        private final long userId;
        private String subject;
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
        private Instant notBefore;
        private JWK key = PRIMARY;

        private Builder(long userId) {
            this.userId = userId;
            this.subject = Long.toString(userId);
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** The token's {@code nbf}; none unless set. */
        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public Builder signedWith(JWK key) {
            this.key = key;
            return this;
        }

        JWTClaimsSet claims() {
            Instant issued = expiresAt == null ? Instant.now() : expiresAt.minus(Duration.ofMinutes(15));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                    .claim("preferred_username", "user" + userId).issueTime(Date.from(issued))
                    .jwtID(UUID.randomUUID().toString());
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            return claims.build();
        }

        public String sign() {
            try {
                JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
                JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                        .build(), claims());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException failed) {
                throw new IllegalStateException(failed);
            }
        }
    }

    private static String fromTestConfiguration() {
        Properties properties = new Properties();
        try (InputStream in = TestTokens.class.getResourceAsStream("/config/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("forum.security.jwt.signing-keys");
    }

    private static String resource(String path) {
        try (InputStream in = TestTokens.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JWK load(String jwkSet) {
        try {
            return JWKSet.parse(jwkSet).getKeys().getFirst();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
