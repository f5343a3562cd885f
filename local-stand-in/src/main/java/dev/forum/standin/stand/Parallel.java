package dev.forum.standin.stand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work on every instance at once (a virtual thread each), and the stand-in's waits. */
final class Parallel {

    /** One item's work; whatever it returns is ignored. */
    interface Task<T> {
        Object run(T item) throws Exception;
    }

    private Parallel() {
    }

    /**
     * Runs {@code task} on every item at once and waits for all of them.
     *
     * @throws RuntimeException the first task's failure (a checked one wrapped in {@link IllegalStateException}), the
     *                          others' added as suppressed; {@link IllegalStateException} when interrupted
     */
    static <T> void each(List<T> items, Task<T> task) {
        if (items.isEmpty()) {
            return;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> task.run(item)));
            }
            RuntimeException failure = null;
            for (Future<Object> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Sleeps {@code millis} ms; an interrupt is kept and thrown as {@link IllegalStateException}. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
