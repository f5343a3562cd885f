package dev.forum.standin.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SigningKeySetUnitTest {

    private static final Pattern KEY = Pattern.compile(
            "\\{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"([^\"]+)\",\"x\":\"([A-Za-z0-9_-]{43})\","
                    + "\"y\":\"([A-Za-z0-9_-]{43})\",\"d\":\"([A-Za-z0-9_-]{43})\"}");

    @Test
    void each_key_is_a_p256_key_pair_whose_private_part_signs_what_its_public_part_verifies() throws Exception {
        String json = SigningKeySet.generate().json();
        assertTrue(json.startsWith("{\"keys\":[") && json.endsWith("]}"), json);
        Matcher key = KEY.matcher(json);
        assertTrue(key.find(), json);

        ECParameterSpec p256 = p256();
        KeyFactory factory = KeyFactory.getInstance("EC");
        var publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(unsigned(key.group(2)), unsigned(key.group(3))), p256));
        var privateKey = factory.generatePrivate(new ECPrivateKeySpec(unsigned(key.group(4)), p256));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update("a token".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update("a token".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signature));
    }

    @Test
    void a_rotation_publishes_the_new_key_second_then_signs_with_it_then_drops_the_old_one() {
        SigningKeySet initial = SigningKeySet.generate();
        String old = initial.signingKeyId();

        SigningKeySet published = initial.withNextPublished();
        assertEquals(old, published.signingKeyId(), "the old key still signs while the new one is only published");
        assertEquals(2, published.keyIds().size());
        String next = published.keyIds().get(1);
        assertNotEquals(old, next);
        assertEquals(published.keyIds(), kids(published.json()));

        SigningKeySet signing = published.withLastSigning();
        assertEquals(List.of(next, old), signing.keyIds());
        assertEquals(List.of(next), signing.withoutOld().keyIds());
    }

    @Test
    void coordinates_are_always_32_bytes_even_with_leading_zeros() {
        assertEquals(43, SigningKeySet.base64Url(BigInteger.ONE).length());
        assertEquals(BigInteger.ONE, unsigned(SigningKeySet.base64Url(BigInteger.ONE)));
        BigInteger high = BigInteger.TWO.pow(255).add(BigInteger.TEN);
        assertEquals(high, unsigned(SigningKeySet.base64Url(high)), "a value whose sign bit is set keeps 32 bytes");
    }

    private static List<String> kids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher key = KEY.matcher(json);
        while (key.find()) {
            ids.add(key.group(1));
        }
        return ids;
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
    }

    private static ECParameterSpec p256() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
