package dev.forum.standin.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A JWK set (RFC 7517) of EC P-256 signing keys with their private parts, as the users module reads it from
 * {@code FORUM_SECURITY_JWT_SIGNINGKEYS}: the first key signs, every key is published. Immutable: each rotation step
 * answers a new set. Made with the JDK only (the stand-in carries no JOSE library).
 */
public final class SigningKeySet {

    /** One key: its id and its JWK JSON (RFC 7518, section 6.2: x, y and d base64url, 32 bytes each). */
    record Key(String id, String json) {
    }

    private final List<Key> keys;

    private SigningKeySet(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A set of one new key. */
    public static SigningKeySet generate() {
        return new SigningKeySet(List.of(newKey()));
    }

    /** Rotation step 1: a new key published second; the current key still signs. */
    public SigningKeySet withNextPublished() {
        List<Key> next = new ArrayList<>(keys);
        next.add(newKey());
        return new SigningKeySet(next);
    }

    /** Rotation step 2: the last key (the one step 1 published) signs; the others stay published. */
    public SigningKeySet withLastSigning() {
        List<Key> next = new ArrayList<>(keys);
        next.addFirst(next.removeLast());
        return new SigningKeySet(next);
    }

    /** After the token lifetime: only the key that signs is kept. */
    public SigningKeySet withoutOld() {
        return new SigningKeySet(List.of(keys.getFirst()));
    }

    /** The id of the key new tokens are signed with. */
    public String signingKeyId() {
        return keys.getFirst().id();
    }

    /** Every key's id, the signing one first. */
    public List<String> keyIds() {
        return keys.stream().map(Key::id).toList();
    }

    /** The set as JSON, private parts included: {@code {"keys":[...]}}. */
    public String json() {
        return "{\"keys\":[" + String.join(",", keys.stream().map(Key::json).toList()) + "]}";
    }

    private static Key newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
            String id = "stand-in-" + UUID.randomUUID().toString().substring(0, 8);
            String json = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + id + "\""
                    + ",\"x\":\"" + base64Url(publicKey.getW().getAffineX()) + "\""
                    + ",\"y\":\"" + base64Url(publicKey.getW().getAffineY()) + "\""
                    + ",\"d\":\"" + base64Url(privateKey.getS()) + "\"}";
            return new Key(id, json);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an EC P-256 key: " + e.getMessage(), e);
        }
    }

    /** An unsigned 32-byte big-endian integer, base64url without padding. */
    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
