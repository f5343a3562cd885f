package dev.forum.extraction.runtime.web;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.scheduler.Schedulers;

/**
 * In a Spring WebFlux application, a controller that implements an HTTP contract runs its non-reactive handler methods
 * off the event loop ({@link ContractBlockingExecution}), on Spring Boot's {@code applicationTaskExecutor} where there
 * is one, else on Reactor's {@code boundedElastic} scheduler. An application replaces it by declaring a
 * {@link ContractBlockingExecution} bean of its own.
 *
 * <p>Why these executors: {@code applicationTaskExecutor} is the one the application already sizes and names
 * ({@code spring.task.execution.*}), that turns to virtual threads with {@code spring.threads.virtual.enabled}, whose
 * tasks Spring Boot awaits at shutdown as configured, and the one Spring Boot itself gives Spring WebFlux's blocking
 * execution; Spring Boot makes it unless the application declares an {@code Executor} bean of its own. Without it,
 * {@code boundedElastic} is bounded (10 threads per CPU core, 100 000 queued tasks, Reactor's
 * {@code reactor.schedulers.defaultBoundedElasticSize} / {@code ...QueueSize}), is there in every Spring WebFlux
 * application with no thread pool of this library's to start and stop, and is where the README tells a reactive caller
 * to make a contract's calls, so a module's method runs on the same threads in process and over HTTP.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = {"org.springframework.web.reactive.config.BlockingExecutionConfigurer",
        "reactor.core.scheduler.Schedulers"})
public class ContractBlockingExecutionAutoConfiguration {

    /** Spring Boot's name of the application's task executor. */
    static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

    /**
     * The last of the {@code WebFluxConfigurer}s (see {@link ContractBlockingExecution}); the executor is chosen when
     * Spring WebFlux asks for it (class doc).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(ContractBlockingExecution.class)
    ContractBlockingExecution contractBlockingExecution(ObjectProvider<WebFluxConfigurer> configurers, BeanFactory beans) {
        return new ContractBlockingExecution(configurers, () -> executor(beans));
    }

    private static AsyncTaskExecutor executor(BeanFactory beans) {
        if (beans.containsBean(APPLICATION_TASK_EXECUTOR)
                && beans.getBean(APPLICATION_TASK_EXECUTOR) instanceof AsyncTaskExecutor application) {
            return application;
        }
        return new TaskExecutorAdapter(task -> Schedulers.boundedElastic().schedule(task));
    }
}
