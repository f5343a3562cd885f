package forum.platform.data;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read for a group of callers, as a group commit is one flush for a group of transactions: every caller gets the
 * result of a read that <em>began after it called</em>, so whatever was committed before a call is in its result,
 * exactly as if it had read alone. Callers arriving while a read runs form the next group; the first of them reads
 * for all once the running read ends. Under load one read answers many callers; a lone caller reads at once.
 *
 * @param <T> what the read gives
 */
final class GroupedReads<T> {

    private final Supplier<T> read;
    private final ReentrantLock lock = new ReentrantLock();
    /** The group waiting for the next read, or null when none waits. */
    private CompletableFuture<T> waiting;
    /** The group whose read runs now, or the last one read (done). */
    private CompletableFuture<T> running = CompletableFuture.completedFuture(null);

    /** @param read the read, e.g. one query; run by one caller at a time */
    GroupedReads(Supplier<T> read) {
        this.read = read;
    }

    /**
     * @return the result of a read that began after this call did
     * @throws RuntimeException or {@link Error} as that read threw it (every caller of its group gets the same one)
     */
    T get() {
        CompletableFuture<T> group;
        CompletableFuture<T> before = null;
        lock.lock();
        try {
            if (waiting == null) {
                waiting = new CompletableFuture<>();
                before = running;
            }
            group = waiting;
        } finally {
            lock.unlock();
        }
        if (before != null) {
            // The first of its group: waits for the running read to end, however it ends, then reads for the group.
            before.handle((result, failure) -> null).join();
            lock.lock();
            try {
                waiting = null;
                running = group;
            } finally {
                lock.unlock();
            }
            // Every caller of the group joined it before the line above: this read begins after each of them called.
            try {
                group.complete(read.get());
            } catch (Throwable failure) {
                group.completeExceptionally(failure);
            }
        }
        try {
            return group.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
