package forum.users.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys the users module signs access tokens with, from configuration: {@code forum.security.jwt.signing-keys},
 * a JWK set (RFC 7517) with private keys. Each key is an EC P-256
 * key (ES256) or an RSA key of 2048 bits or more (RS256). Tokens are signed with the first key of the set; every
 * key of the set is published, so that during a rotation the old key still verifies the tokens it signed (the
 * README says how to rotate).
 */
public final class SigningKeys {

    private final List<JWK> keys;

    private SigningKeys(List<JWK> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * @param jwkSet a JWK set in JSON, or null
     * @param generateIfUnset whether a missing key may be made up for this run (the embedded single-process default;
     *                        the {@code prod} profile sets it false)
     * @throws InvalidSigningKeysException if the keys are missing or unusable, saying what to fix
     */
    public static SigningKeys from(String jwkSet, boolean generateIfUnset) {
        List<JWK> keys = new ArrayList<>();
        if (jwkSet != null && !jwkSet.isBlank()) {
            try {
                keys.addAll(JWKSet.parse(jwkSet).getKeys());
            } catch (ParseException malformed) {
                throw new InvalidSigningKeysException("forum.security.jwt.signing-keys is not a JWK set (RFC 7517): "
                        + malformed.getMessage());
            }
        } else if (generateIfUnset) {
            keys.add(generated());
        } else {
            throw new InvalidSigningKeysException("The users module signs access tokens but has no signing key: set"
                    + " forum.security.jwt.signing-keys (FORUM_SECURITY_JWT_SIGNINGKEYS) to a JWK set with a private"
                    + " EC P-256 or RSA key (README, \"Identity\")");
        }
        List<JWK> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            JWK key = keys.get(i);
            check(key, i + 1);
            JWK withId = withKeyId(key);
            if (!ids.add(withId.getKeyID())) {
                throw new InvalidSigningKeysException("Two signing keys have the key id '" + withId.getKeyID() + "'; give each its own");
            }
            checked.add(withId);
        }
        if (checked.isEmpty()) {
            throw new InvalidSigningKeysException("forum.security.jwt.signing-keys holds no key");
        }
        return new SigningKeys(checked);
    }

    /** The key new tokens are signed with: the first of the set. */
    public JWK active() {
        return keys.getFirst();
    }

    /** The JWS algorithm of the active key: ES256 or RS256. */
    public JWSAlgorithm algorithm() {
        return algorithm(active());
    }

    /** Every key, private parts included: for signing only. */
    public JWKSet privateKeys() {
        return new JWKSet(keys);
    }

    /** Every key, public parts only: what the JWK set route publishes and what this process verifies with. */
    public JWKSet publicKeys() {
        return new JWKSet(keys).toPublicJWKSet();
    }

    private static JWK withKeyId(JWK key) {
        if (key.getKeyID() != null) {
            return key;
        }
        try {
            String thumbprint = key.computeThumbprint().toString();
            return switch (key) {
                case ECKey ec -> new ECKey.Builder(ec).keyID(thumbprint).build();
                case RSAKey rsa -> new RSAKey.Builder(rsa).keyID(thumbprint).build();
                default -> key;
            };
        } catch (JOSEException unthumbable) {
            throw new InvalidSigningKeysException("A signing key has no key id and none can be computed: " + unthumbable.getMessage());
        }
    }

    /** @param position the key's place in the set, from 1, to name a key without a key id by */
    private static void check(JWK key, int position) {
        String id = "Signing key " + position + " of forum.security.jwt.signing-keys"
                + (key.getKeyID() == null ? " (no kid)" : " ('" + key.getKeyID() + "')");
        if (!key.isPrivate()) {
            throw new InvalidSigningKeysException(id + " has no private part: a signing key set holds private keys");
        }
        if (key.getKeyUse() != null && key.getKeyUse() != KeyUse.SIGNATURE) {
            throw new InvalidSigningKeysException(id + " is for encryption (use " + key.getKeyUse() + "), not signing");
        }
        switch (key) {
            case ECKey ec when Curve.P_256.equals(ec.getCurve()) -> { }
            case RSAKey rsa when rsa.size() >= 2048 -> { }
            default -> throw new InvalidSigningKeysException(id + " is a " + key.getKeyType() + " key of " + key.size()
                    + " bits; use an EC P-256 key (ES256) or an RSA key of 2048 bits or more (RS256)");
        }
    }

    private static JWSAlgorithm algorithm(JWK key) {
        return key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    private static JWK generated() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException("No EC P-256 key could be generated", failed);
        }
    }

    /** The signing keys are missing or unusable; the message says what to fix. */
    public static final class InvalidSigningKeysException extends RuntimeException {
        public InvalidSigningKeysException(String message) {
            super(message);
        }
    }
}
