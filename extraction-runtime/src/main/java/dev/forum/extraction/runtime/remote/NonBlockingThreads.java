package dev.forum.extraction.runtime.remote;

import java.lang.reflect.Method;
import org.springframework.util.ClassUtils;
import reactor.core.scheduler.Schedulers;

/**
 * Refuses a remote module's call on a thread that must never block: a Reactor Netty event loop (where a Spring WebFlux
 * application runs its controllers and functional endpoints) or a thread of Reactor's parallel scheduler, each one of
 * Reactor's {@code NonBlocking} threads. The remote module's client blocks until the module answers, up to the read
 * timeout and its retries; on an event loop that stalls every other request the loop serves. Reactor itself refuses
 * its own {@code block()} on such a thread for the same reason; without Reactor on the class path there is none.
 */
final class NonBlockingThreads {

    private static final boolean REACTOR = ClassUtils.isPresent("reactor.core.scheduler.Schedulers",
            NonBlockingThreads.class.getClassLoader());

    private NonBlockingThreads() {
    }

    /**
     * @param module the remote module called
     * @param api    its contract
     * @param method the contract method called
     * @throws IllegalStateException when the calling thread is one of Reactor's non-blocking threads; the message names
     *     the call, the thread and how to make the call instead
     */
    static void refuse(String module, Class<?> api, Method method) {
        if (REACTOR && Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException(api.getSimpleName() + "." + method.getName() + ", a blocking call to remote module '"
                    + module + "', was made on thread " + Thread.currentThread().getName() + ", a non-blocking thread of Reactor"
                    + " (an event loop, or its parallel or single scheduler) that must never wait for another process: make the call in"
                    + " Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic())");
        }
    }
}
