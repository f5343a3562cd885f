package forum.platform.data;

import forum.platform.ModuleApi;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.ClassUtils;

/**
 * Retries a call into a module whose database may move (it has {@code forum.datasource.<module>.moved.url}) when a
 * write in it was refused because the database it reached no longer holds the module: SQLSTATE {@code 25006}
 * (read_only_sql_transaction, raised by the move's write guard) or {@code 55P03} (lock_not_available: held by the
 * switch past the runtime role's lock timeout). Such a write was rolled back, so the whole call is run again, after
 * {@link ModulePlacement#refreshNow()} has re-read both placement rows, on the database now authoritative. A client
 * never sees either refusal while the switch completes within the retry's bound (about 5 s); after it, the last
 * refusal is thrown as it was.
 *
 * <p>Applies to the public methods of the beans that implement the module's API ({@code @ModuleApi("<module>")}):
 * every write of a module begins there and is one transaction (Spring Data JDBC). It runs outside the transaction
 * (a higher precedence than {@code @Transactional}'s advice), and only the outermost call on a thread retries.
 */
final class MovedWriteRetry extends StaticMethodMatcherPointcutAdvisor implements MethodInterceptor, BeanFactoryAware {

    private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

    private final String module;
    private final RetryTemplate retries;
    private BeanFactory beans;
    private volatile ModulePlacement placement;

    MovedWriteRetry(String module) {
        this.module = module;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .predicate(MovedWriteRetry::refusedByMove)
                .maxRetries(20)
                .delay(Duration.ofMillis(20))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(250))
                .timeout(Duration.ofSeconds(10))
                .build());
        setAdvice(this);
        setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        if (!Modifier.isPublic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
            return false;
        }
        for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(targetClass)) {
            ModuleApi api = AnnotatedElementUtils.findMergedAnnotation(type, ModuleApi.class);
            if (api != null && api.value().equals(module)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (RUNNING.get() != null) {
            return invocation.proceed();
        }
        RUNNING.set(Boolean.TRUE);
        try {
            return retries.execute(() -> {
                try {
                    return invocation.proceed();
                } catch (Throwable failed) {
                    if (refusedByMove(failed)) {
                        placement().refreshNow();
                    }
                    throw failed;
                }
            });
        } catch (RetryException exhausted) {
            throw exhausted.getLastException();
        } finally {
            RUNNING.remove();
        }
    }

    private ModulePlacement placement() {
        if (placement == null) {
            placement = beans.getBean(module + "Database", ModuleDatabase.class).placement();
        }
        return placement;
    }

    /** Whether a failure is a write refused by a database that does not (or no longer) hold the module. */
    static boolean refusedByMove(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("25006".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
