package dev.forum.extraction.runtime.inprocess.elsewhere;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A controller superclass in another package than its subclass, with a package-private request-handler method: a
 * class proxy of the subclass cannot override it, so on the proxy it would run with the proxy's unset fields.
 */
public abstract class CountingController {

    private final AtomicInteger counted = new AtomicInteger();

    @GetMapping("/counted")
    int counted() {
        return counted.incrementAndGet();
    }
}
