package forum.platform.security;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The public keys of a token issuer that runs in this process (the forum's users module, where it is local): the
 * process verifies tokens with them directly instead of fetching its own JWK set over HTTP.
 */
public interface LocalTokenKeys {

    /** Every key a token may be signed with now (public parts only), each with its {@code kid} and {@code alg}. */
    JWKSet publicKeys();
}
