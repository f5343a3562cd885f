package forum.users.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeysUnitTest {

    private static ECKey ec(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    @Test
    void the_first_key_signs_and_every_key_is_published_without_its_private_part() throws Exception {
        RSAKey next = new RSAKeyGenerator(2048).keyID("next").generate();
        SigningKeys keys = SigningKeys.from(new JWKSet(List.of(next, ec("old"))).toString(false), false);

        assertThat(keys.active().getKeyID()).isEqualTo("next");
        assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(keys.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly("next", "old");
        assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
        assertThat(keys.publicKeys().toString(false)).doesNotContain("\"d\"");
    }

    @Test
    void a_key_without_a_key_id_gets_its_thumbprint() throws Exception {
        ECKey anonymous = new ECKeyGenerator(Curve.P_256).generate();
        SigningKeys keys = SigningKeys.from(new JWKSet(anonymous).toString(false), false);
        assertThat(keys.active().getKeyID()).isEqualTo(anonymous.computeThumbprint().toString());
        assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void without_keys_a_process_that_may_not_make_one_refuses_to_start_saying_what_to_set() {
        assertThatThrownBy(() -> SigningKeys.from("", false))
                .isInstanceOf(SigningKeys.InvalidSigningKeysException.class)
                .hasMessageContaining("forum.security.jwt.signing-keys (FORUM_SECURITY_JWT_SIGNINGKEYS)");
        assertThat(SigningKeys.from(null, true).active().isPrivate()).isTrue();
    }

    @Test
    void unusable_keys_are_refused_with_the_reason() throws Exception {
        assertThatThrownBy(() -> SigningKeys.from("{not json", false)).hasMessageContaining("is not a JWK set");
        assertThatThrownBy(() -> SigningKeys.from(new JWKSet(ec("pub").toPublicJWK()).toString(false), false))
                .hasMessageContaining("has no private part");
        OctetSequenceKey hmac = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        assertThatThrownBy(() -> SigningKeys.from(new JWKSet(hmac).toString(false), false))
                .hasMessageContaining("Signing key 1 of forum.security.jwt.signing-keys ('hmac') is a oct key of 256 bits")
                .hasMessageContaining("use an EC P-256 key (ES256) or an RSA key of 2048 bits or more");
        // A key without a kid is named by its place in the set, not as 'null'.
        OctetSequenceKey unnamed = new OctetSequenceKeyGenerator(128).generate();
        assertThatThrownBy(() -> SigningKeys.from(new JWKSet(List.of(ec("good"), unnamed)).toString(false), false))
                .hasMessageStartingWith("Signing key 2 of forum.security.jwt.signing-keys (no kid) is a oct key of 128 bits")
                .hasMessageNotContaining("null");
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
        assertThatThrownBy(() -> SigningKeys.from(new JWKSet(p384).toString(false), false))
                .hasMessageContaining("use an EC P-256 key");
        ECKey encryption = new ECKeyGenerator(Curve.P_256).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();
        assertThatThrownBy(() -> SigningKeys.from(new JWKSet(encryption).toString(false), false))
                .hasMessageContaining("is for encryption");
        assertThatThrownBy(() -> SigningKeys.from(new JWKSet(List.of(ec("same"), ec("same"))).toString(false), false))
                .hasMessageContaining("Two signing keys have the key id 'same'");
    }
}
