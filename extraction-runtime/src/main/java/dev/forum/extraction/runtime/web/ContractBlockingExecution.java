package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.inprocess.ContractValidationPostProcessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.KotlinDetector;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.config.BlockingExecutionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Runs the handler methods of a Spring WebFlux controller that implements an HTTP contract (an interface with
 * {@code @HttpExchange} on it or on a method) and returns a non-reactive type off the event loop, through Spring
 * WebFlux's blocking execution ({@link BlockingExecutionConfigurer}). A contract is blocking (plain types), so such a
 * controller's method waits for what it returns ({@code Mono.block()} on an R2DBC repository, say): called in process
 * that runs on the caller's thread, off the event loop, but over HTTP Spring WebFlux would run it on a Reactor Netty
 * event loop, where Reactor refuses {@code block()} ("block()/blockFirst()/blockLast() are blocking, which is not
 * supported") and the caller gets a 5xx. Every other handler method stays where Spring WebFlux runs it.
 *
 * <p>The application's own blocking execution is kept: Spring Boot's (under {@code spring.threads.virtual.enabled},
 * every handler method with a non-reactive return type on its {@code applicationTaskExecutor}) or one of another
 * {@link WebFluxConfigurer}. Spring WebFlux keeps one executor and one method predicate, which the configurers set one
 * after another, and has no public way to read them; so this configurer, the last one ({@code Ordered.LOWEST_PRECEDENCE},
 * and an auto-configuration's bean comes after the application's own of the same order), asks the others (every other
 * {@code WebFluxConfigurer} bean, in their order) to configure a blocking execution it can read, and then:
 * <ul>
 * <li>no executor set: this one's executor, for the contract controllers' non-reactive methods only;</li>
 * <li>an executor and a method predicate set: that executor, for the methods the predicate selects and the contract
 * controllers' non-reactive ones;</li>
 * <li>an executor and no predicate (Spring Boot's): left as it is; Spring WebFlux then runs every method with a
 * non-reactive return type on that executor, the contract controllers' included.</li>
 * </ul>
 */
public final class ContractBlockingExecution implements WebFluxConfigurer {

    private final ObjectProvider<WebFluxConfigurer> configurers;
    private final Supplier<AsyncTaskExecutor> executor;
    private final ReactiveAdapterRegistry adapters = ReactiveAdapterRegistry.getSharedInstance();
    /** Per controller class: whether it implements an HTTP contract, worked out once. */
    private final Map<Class<?>, Boolean> contractControllers = new ConcurrentHashMap<>();

    /**
     * @param configurers the application's {@code WebFluxConfigurer} beans (this one among them, skipped)
     * @param executor    what runs the contract controllers' methods where the application sets no executor; asked
     *                    for only then
     */
    public ContractBlockingExecution(ObjectProvider<WebFluxConfigurer> configurers, Supplier<AsyncTaskExecutor> executor) {
        this.configurers = configurers;
        this.executor = executor;
    }

    /** Adds the contract controllers to the application's blocking execution (class doc). */
    @Override
    public void configureBlockingExecution(BlockingExecutionConfigurer configurer) {
        ReadableBlockingExecution application = new ReadableBlockingExecution();
        configurers.orderedStream().filter(other -> other != this).forEach(other -> other.configureBlockingExecution(application));
        if (application.executor() == null) {
            configurer.setExecutor(executor.get()).setControllerMethodPredicate(this::runsOffTheEventLoop);
        } else if (application.predicate() != null) {
            configurer.setControllerMethodPredicate(application.predicate().or(this::runsOffTheEventLoop));
        }
    }

    /**
     * @param method a handler method Spring WebFlux is about to call
     * @return whether it is a contract controller's method with a non-reactive return type (Spring WebFlux's own test of
     *         a non-reactive method: no reactive adapter for the return type, not a Kotlin suspend function)
     */
    boolean runsOffTheEventLoop(HandlerMethod method) {
        Class<?> controller = ClassUtils.getUserClass(method.getBeanType());
        return contractControllers.computeIfAbsent(controller, ContractBlockingExecution::implementsContract)
                && adapters.getAdapter(method.getReturnType().getParameterType()) == null
                && !KotlinDetector.isSuspendingFunction(method.getMethod());
    }

    private static boolean implementsContract(Class<?> controller) {
        return ClassUtils.getAllInterfacesForClassAsSet(controller).stream().anyMatch(ContractValidationPostProcessor::isContract);
    }

    /** A blocking execution whose settings this configurer reads (Spring WebFlux's getters are protected). */
    private static final class ReadableBlockingExecution extends BlockingExecutionConfigurer {

        AsyncTaskExecutor executor() {
            return getExecutor();
        }

        Predicate<HandlerMethod> predicate() {
            return getBlockingControllerMethodPredicate();
        }
    }
}
