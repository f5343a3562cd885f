package dev.forum.datamove.support;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.ModuleMove;
import dev.forum.datamove.MoveAbort;
import dev.forum.datamove.MoveSettings;
import dev.forum.datamove.SourceDrop;
import dev.forum.datamove.Step;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A data-move run in a thread of its own, held at one point of its run (with the module's lock held) until
 * {@link #finish()}: a move at a {@link Step} ({@link ModuleMove.StepListener}), an abort or a drop-source at the first
 * line it logs that starts with a given text (their log is their only seam). The factories return once the run is
 * held there, and fail when it ended before. {@link #close()} lets it go on and waits for its end, so the databases can
 * be dropped after.
 *
 * @param <T> what the run returns
 */
public final class HeldRun<T> implements AutoCloseable {

    private static final long MINUTES = 2;

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Future<T> run;

    private HeldRun() {
    }

    /** A move from {@code from} to {@code to}, held when it reaches {@code at}. */
    public static HeldRun<ModuleMove.Report> move(Endpoint from, Endpoint to, MoveSettings settings, Step at) {
        return new HeldRun<ModuleMove.Report>().start(hold -> () -> new ModuleMove(from, to, settings, line -> { },
                step -> {
                    if (step == at) {
                        hold.run();
                    }
                }).run());
    }

    /** An abort of the move from {@code from} to {@code to}, held at its first log line starting with {@code line}. */
    public static HeldRun<Void> abort(Endpoint from, Endpoint to, MoveSettings settings, String line) {
        return new HeldRun<Void>().start(hold -> () -> {
            new MoveAbort(from, to, settings, logged -> {
                if (logged.startsWith(line)) {
                    hold.run();
                }
            }).run();
            return null;
        });
    }

    /** A drop-source of the move from {@code from} to {@code to}, held at its first log line starting with {@code line}. */
    public static HeldRun<SourceDrop.Report> dropSource(Endpoint from, Endpoint to, MoveSettings settings, String line) {
        return new HeldRun<SourceDrop.Report>().start(hold -> () -> new SourceDrop(from, to, settings, logged -> {
            if (logged.startsWith(line)) {
                hold.run();
            }
        }).run());
    }

    private HeldRun<T> start(Function<Runnable, Callable<T>> task) {
        run = runner.submit(task.apply(this::hold));
        try {
            while (!reached.await(50, TimeUnit.MILLISECONDS)) {
                if (run.isDone()) {
                    throw new AssertionError("the run ended before it was held: " + outcome());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return this;
    }

    /** Holds the run the first time it is called, until {@link #finish()} or {@link #close()}. */
    private void hold() {
        if (reached.getCount() == 0) {
            return;
        }
        reached.countDown();
        try {
            if (!goOn.await(MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("held run never told to go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("held run interrupted", e);
        }
    }

    /** Lets the run go on and returns what it returns; its failure is thrown as it was. */
    public T finish() {
        goOn.countDown();
        try {
            return run.get(MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the held run did not end", e);
        }
    }

    private String outcome() {
        try {
            return "returned " + run.get();
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Lets the run go on (when {@link #finish()} was not called) and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        goOn.countDown();
        runner.shutdown();
        if (!runner.awaitTermination(MINUTES, TimeUnit.MINUTES)) {
            runner.shutdownNow();
        }
    }
}
