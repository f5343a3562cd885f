package forum.users.internal.auth;

import forum.platform.ServerBusyException;
import forum.platform.Validation;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that runs at most {@code slots} hash computations at once (one per CPU: bcrypt is CPU
 * work, and more at once only makes every one slower and starves the other requests). A caller waits at most
 * {@code wait} for a slot, then gets a {@link ServerBusyException} (503 {@code busy} with {@code Retry-After}).
 *
 * <p>The hashing itself ({@link #encode}, {@link #matches}) runs on a pool of {@code slots} platform threads, never on
 * the caller's thread: requests run on virtual threads, and a hash computed there would hold one of the few carrier
 * threads for its whole tenth of a second. The caller, holding a slot, waits for its result (a virtual thread
 * unmounts meanwhile). {@link #upgradeEncoding} reads only the hash's prefix and is not bounded.
 *
 * <p>Hashing is Spring Security's ({@code delegate}); this class only bounds it.
 */
public final class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final Semaphore slots;
    private final Duration wait;
    private final ExecutorService hashing;

    /**
     * @param delegate what hashes and checks passwords
     * @param slots    how many hash computations may run at once, at least 1 (usually the CPUs available)
     * @param wait     how long a caller waits for a slot before it is refused
     * @throws IllegalArgumentException when slots is below 1 or wait negative
     */
    public BoundedPasswordEncoder(PasswordEncoder delegate, int slots, Duration wait) {
        if (slots < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("password hashing needs 1 slot or more and a wait of 0 or more, not "
                    + slots + " slots and " + wait);
        }
        this.delegate = delegate;
        this.slots = new Semaphore(slots, true);
        this.wait = wait;
        AtomicInteger number = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(slots, task -> Thread.ofPlatform().daemon()
                .name("password-hashing-" + number.incrementAndGet()).unstarted(task));
    }

    /**
     * @throws ServerBusyException      when no slot frees within the wait
     * @throws IllegalArgumentException when the password holds a character it cannot be hashed as ({@link #whole})
     */
    @Override
    public String encode(CharSequence rawPassword) {
        whole(rawPassword);
        return bounded(() -> delegate.encode(rawPassword));
    }

    /**
     * @throws ServerBusyException      when no slot frees within the wait
     * @throws IllegalArgumentException when the password holds a character it cannot be hashed as ({@link #whole})
     */
    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        whole(rawPassword);
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    /**
     * The last guard, behind the callers' validation ({@link PasswordRules#checkAsSent}, {@link PasswordRules#check}),
     * by the same rule ({@link Validation#unstorable}): a password holding a lone UTF-16 surrogate (encoded to UTF-8 as
     * {@code ?}) or a NUL (bcrypt repeats the password and a NUL to 72 bytes, so {@code p} and {@code p\0p} are one
     * key) would be hashed as another password, and no other control character is ever stored either.
     */
    private static void whole(CharSequence password) {
        if (password != null) {
            Validation.unstorable(password.toString()).ifPresent(reason -> {
                throw new IllegalArgumentException("a password that breaks sign-up's text rule cannot be hashed: it "
                        + reason);
            });
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Stops the hashing threads (at the application's end). */
    @Override
    public void close() {
        hashing.shutdownNow();
    }

    private <T> T bounded(Callable<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            Future<T> result = hashing.submit(work);
            try {
                return result.get();
            } catch (InterruptedException interrupted) {
                result.cancel(true);
                Thread.currentThread().interrupt();
                throw busy();
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("password hashing failed", failed.getCause());
        } finally {
            slots.release();
        }
    }

    private ServerBusyException busy() {
        return new ServerBusyException("Every password hashing slot of this server is taken: try again shortly",
                wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
