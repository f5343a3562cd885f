package dev.forum.standin.keys;

import dev.forum.standin.stand.Stand;
import java.time.Duration;

/**
 * A signing key rotation that refuses no token, in the order the README gives: (1) the new key is published beside
 * the old one, which still signs; (2) once every process that fetches the JWK set has had time to fetch it again
 * (its cache's time to live), the new key signs; tokens of the old key still verify. The old key stays published
 * until its last token has expired ({@link SigningKeySet#withoutOld()}, a third step after the token lifetime).
 */
public final class KeyRotation {

    private KeyRotation() {
    }

    /**
     * Runs steps 1 and 2 on a running stand-in, each a rolling restart of the users module's processes.
     *
     * @return the key set the processes have at the end
     * @throws InterruptedException if interrupted while waiting for the caches
     */
    public static SigningKeySet rotate(Stand stand) throws InterruptedException {
        SigningKeySet published = stand.signingKeys().withNextPublished();
        stand.useSigningKeys(published);
        long ready = System.nanoTime();
        Duration wait = KeyRollout.JWKS_CACHE_TTL.plusSeconds(2).minusNanos(System.nanoTime() - ready);
        stand.log().info("waiting " + wait.toSeconds() + " s: every cached JWK set must be fetched again and hold the new key"
                + " before it signs");
        if (!wait.isNegative()) {
            Thread.sleep(wait);
        }
        SigningKeySet rotated = published.withLastSigning();
        stand.useSigningKeys(rotated);
        return rotated;
    }

    /**
     * The third step, once the old key's last token has expired: only the signing key stays published (a rolling
     * restart of the users module's processes).
     *
     * @return the key set the processes have at the end
     */
    public static SigningKeySet dropOld(Stand stand) {
        SigningKeySet kept = stand.signingKeys().withoutOld();
        stand.useSigningKeys(kept);
        return kept;
    }
}
