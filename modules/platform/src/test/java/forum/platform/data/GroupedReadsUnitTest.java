package forum.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Callers of one read: each gets the result of a read that began after it called (never of one already running),
 * callers arriving while a read runs share the next one, and a failed read reaches every caller of its group only.
 */
class GroupedReadsUnitTest {

    /** Reads begun so far; each read gives its own number. */
    private final AtomicInteger begun = new AtomicInteger();

    @Test
    void a_lone_caller_reads_at_once_and_each_call_reads_again() {
        GroupedReads<Integer> reads = new GroupedReads<>(begun::incrementAndGet);

        assertThat(reads.get()).isEqualTo(1);
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void callers_arriving_during_a_read_never_take_it_and_share_the_next() throws Exception {
        CountDownLatch firstReadRunning = new CountDownLatch(1);
        CountDownLatch endFirstRead = new CountDownLatch(1);
        GroupedReads<Integer> reads = new GroupedReads<>(() -> {
            int number = begun.incrementAndGet();
            if (number == 1) {
                firstReadRunning.countDown();
                await(endFirstRead);
            }
            return number;
        });
        int callers = 20;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = threads.submit(reads::get);
            assertThat(firstReadRunning.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<int[]>> later = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                later.add(threads.submit(() -> {
                    int begunBefore = begun.get();
                    return new int[] {begunBefore, reads.get()};
                }));
            }
            Thread.sleep(300); // the callers join while the first read runs
            endFirstRead.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<int[]> call : later) {
                int[] beforeAndResult = call.get(10, TimeUnit.SECONDS);
                // The read it got began after it called: its number is above every read begun before the call.
                assertThat(beforeAndResult[1]).isGreaterThan(beforeAndResult[0]);
            }
        }
        // Twenty callers, not twenty reads: they shared the read after the first (a straggler may make a third).
        assertThat(begun.get()).isBetween(2, 3);
    }

    @Test
    void a_failed_read_reaches_its_callers_and_the_next_call_reads_again() {
        AtomicInteger calls = new AtomicInteger();
        GroupedReads<Integer> reads = new GroupedReads<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new DataAccessResourceFailureException("database down");
            }
            return 7;
        });

        assertThatThrownBy(reads::get).isInstanceOf(DataAccessResourceFailureException.class).hasMessage("database down");
        assertThat(reads.get()).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
