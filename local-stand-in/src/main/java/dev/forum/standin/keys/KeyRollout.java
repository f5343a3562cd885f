package dev.forum.standin.keys;

import dev.forum.standin.process.Instance;
import dev.forum.standin.stand.StepLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The token signing keys of a running stand-in: the key set made for the run, the token settings each process is
 * started with, and the roll-out of another key set to every process that holds the users module (the token issuer).
 */
public final class KeyRollout {

    /** The module that issues tokens: its processes are given the signing keys. */
    public static final String TOKEN_ISSUER_MODULE = "users";
    /**
     * How long a process whose users module is remote uses the JWK set it fetched: short here (5 minutes on ECS), so
     * that a key rotation's steps follow each other quickly.
     */
    public static final Duration JWKS_CACHE_TTL = Duration.ofSeconds(10);

    private final StepLog log;
    private volatile SigningKeySet keys = SigningKeySet.generate();

    /** A new key set for the run ({@link SigningKeySet#generate()}); each roll-out is logged to {@code log}. */
    public KeyRollout(StepLog log) {
        this.log = log;
    }

    /** The signing keys the processes that hold the users module have, or get at their next start. */
    public SigningKeySet current() {
        return keys;
    }

    /**
     * Puts into {@code env} the token settings of a process holding {@code modules}: the key set (private keys
     * included) where it holds the issuer, and for every process the JWK set cache's time to live.
     */
    public void configure(Map<String, String> env, Set<String> modules) {
        if (modules.contains(TOKEN_ISSUER_MODULE)) {
            env.put("FORUM_SECURITY_JWT_SIGNINGKEYS", keys.json());
        }
        env.put("FORUM_SECURITY_JWT_JWKSCACHETTL", JWKS_CACHE_TTL.toSeconds() + "s");
    }

    /**
     * Makes {@code next} the key set, then restarts every running instance that holds the users module, one at a
     * time, in order.
     *
     * @param instances every instance of the stand-in; those not running or without the users module are left alone
     * @param restart   a rolling restart of one instance with the modules it holds (it is started with {@code next})
     */
    public void use(SigningKeySet next, List<Instance> instances, Consumer<Instance> restart) {
        this.keys = next;
        log.info("signing keys " + String.join(", ", next.keyIds()) + " (" + next.signingKeyId() + " signs)");
        for (Instance instance : instances) {
            if (instance.running() && instance.localModules().contains(TOKEN_ISSUER_MODULE)) {
                restart.accept(instance);
            }
        }
    }
}
