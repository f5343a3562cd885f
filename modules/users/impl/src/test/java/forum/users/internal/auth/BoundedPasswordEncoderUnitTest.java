package forum.users.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.ServerBusyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bounded encoder runs no more hashes at once than it has slots; a caller that finds them all taken past its wait
 * is refused (503 busy), and the encoder serves again once a slot frees. The hashing is the delegate's.
 */
class BoundedPasswordEncoderUnitTest {

    /** A delegate whose every hash waits until released, counting how many run at once. */
    static final class SlowEncoder implements PasswordEncoder {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile String thread;

        SlowEncoder(int expectedStarts) {
            this.started = new CountDownLatch(expectedStarts);
        }

        @Override
        public String encode(CharSequence raw) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            thread = Thread.currentThread().getName();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return "hash-of-" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encode(raw).equals(encoded);
        }
    }

    @Test
    void a_caller_finding_every_slot_taken_past_its_wait_is_refused_and_served_once_one_frees() throws Exception {
        SlowEncoder slow = new SlowEncoder(2);
        try (BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2, Duration.ofMillis(100));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> holding = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String password = "holder-" + i;
                holding.add(callers.submit(() -> bounded.encode(password)));
            }
            assertThat(slow.started.await(5, TimeUnit.SECONDS)).as("both slots taken").isTrue();

            long before = System.nanoTime();
            assertThatThrownBy(() -> bounded.encode("third"))
                    .isInstanceOf(ServerBusyException.class)
                    .satisfies(busy -> assertThat(((ServerBusyException) busy).retryAfterSeconds()).isEqualTo(1));
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("it waited for a slot first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(90));
            assertThatThrownBy(() -> bounded.matches("third", "hash-of-third")).isInstanceOf(ServerBusyException.class);

            slow.release.countDown();
            for (Future<String> held : holding) {
                assertThat(held.get(5, TimeUnit.SECONDS)).startsWith("hash-of-holder-");
            }
            assertThat(bounded.encode("fourth")).isEqualTo("hash-of-fourth");
            assertThat(bounded.matches("fifth", "hash-of-fifth")).isTrue();
            assertThat(slow.mostAtOnce.get()).isEqualTo(2);
            assertThat(slow.thread).as("hashed on the encoder's platform threads").startsWith("password-hashing-");
        }
    }

    @Test
    void many_callers_at_once_never_run_more_hashes_than_slots() throws Exception {
        SlowEncoder slow = new SlowEncoder(1);
        slow.release.countDown();
        try (BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 3, Duration.ofSeconds(10));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String password = "caller-" + i;
                results.add(callers.submit(() -> bounded.encode(password)));
            }
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).startsWith("hash-of-caller-");
            }
            assertThat(slow.mostAtOnce.get()).isBetween(1, 3);
        }
    }

    @Test
    void the_hashing_is_the_delegates() {
        try (BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), 1, Duration.ofSeconds(2))) {
            String hash = bounded.encode("correct-horse-battery");
            assertThat(hash).startsWith("{bcrypt}");
            assertThat(bounded.matches("correct-horse-battery", hash)).isTrue();
            assertThat(bounded.matches("wrong-horse-battery", hash)).isFalse();
        }
    }

    /**
     * Java encodes a lone surrogate to UTF-8 as '?', and bcrypt reads "p", NUL, "p" as "p": such a password would be
     * hashed as another one, so it never reaches the hash, whatever the caller checked before.
     */
    @Test
    void a_password_that_would_be_hashed_as_another_never_reaches_the_hash() {
        AtomicInteger calls = new AtomicInteger();
        PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        PasswordEncoder delegate = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                calls.incrementAndGet();
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                calls.incrementAndGet();
                return real.matches(raw, encoded);
            }
        };
        try (BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(delegate, 1, Duration.ofSeconds(2))) {
            String hash = bounded.encode("question test ?");
            for (String password : List.of("question test \ud800", "question test \udfff", "\udfff\ud83d",
                    "question test ?\u0000question test ?", "question test \u0007")) {
                assertThatThrownBy(() -> bounded.encode(password)).as(password).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> bounded.matches(password, hash)).as(password)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(calls).as("the delegate hashed only the first password").hasValue(1);
            assertThat(bounded.matches("question test ?", hash)).isTrue();
            assertThat(bounded.encode("an emoji \ud83d\ude00 is whole")).startsWith("{bcrypt}");
        }
    }

    @Test
    void no_slot_is_refused_at_construction() {
        assertThatThrownBy(() -> new BoundedPasswordEncoder(new SlowEncoder(1), 0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 slot or more");
    }
}
