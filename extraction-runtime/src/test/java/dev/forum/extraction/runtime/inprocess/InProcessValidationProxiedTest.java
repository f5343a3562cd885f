package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.CountedNotBlank;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.NewItem;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller that already is a Spring AOP proxy (a {@code @Transactional} one, guarded as method security guards a
 * {@code @PreAuthorize} one: an infrastructure advisor Spring's auto-proxy creator applies) gets the validation first
 * in its chain: an invalid call is refused once, before the transaction or the guard; a valid one is checked once and
 * runs in its transaction, past its guard. So in a class proxy, in an interface (JDK) proxy, and in a circular
 * reference, where the bean others got early is the one the application keeps.
 */
class InProcessValidationProxiedTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ValidationAutoConfiguration.class, ContractValidationAutoConfiguration.class));

    /** The order of Spring Security's {@code @PreAuthorize} advisor: before a transaction's (the lowest). */
    static final int PRE_AUTHORIZE_ORDER = 200;
    /** Whether each call of the controller's {@code create} ran in a transaction. */
    static final List<Boolean> IN_TRANSACTION = new CopyOnWriteArrayList<>();
    /** Whether the guard lets calls through (a signed-in caller with the authority). */
    static volatile boolean signedIn;

    @BeforeEach
    void reset() {
        CountedNotBlank.Check.CALLS.set(0);
        IN_TRANSACTION.clear();
        signedIn = false;
    }

    /** A method guarded as {@code @PreAuthorize} guards it. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Guarded {
    }

    /** What the guard throws at a caller it refuses. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused() {
            super("not signed in");
        }
    }

    /** A transaction manager that counts its transactions and holds nothing. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {

        private static final long serialVersionUID = 1L;

        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun.incrementAndGet();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    /** The transaction manager and the guard, an infrastructure advisor as method security registers its own. */
    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        CountingTransactions transactionManager() {
            return new CountingTransactions();
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor guard() {
            MethodInterceptor guard = invocation -> {
                if (!signedIn) {
                    throw new Refused();
                }
                return invocation.proceed();
            };
            DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                    AnnotationMatchingPointcut.forMethodAnnotation(Guarded.class), guard);
            advisor.setOrder(PRE_AUTHORIZE_ORDER);
            return advisor;
        }
    }

    /** Class proxies, as Spring Boot makes them. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    static class ClassProxies extends Infrastructure {
    }

    /** Interface (JDK) proxies where a bean implements an interface. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class InterfaceProxies extends Infrastructure {
    }

    @RestController
    @Transactional
    static class TransactionalItemsController extends ItemsController {

        @Guarded
        @Override
        public NewItem create(NewItem item) {
            IN_TRANSACTION.add(TransactionSynchronizationManager.isActualTransactionActive());
            return super.create(item);
        }
    }

    @Test
    void aTransactionalGuardedClassProxyValidatesFirstOnceThenGuardsAndTransacts() {
        runner.withUserConfiguration(ClassProxies.class, TransactionalItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            ItemsApi items = context.getBean(ItemsApi.class);
            assertThat(AopUtils.isCglibProxy(items)).isTrue();
            assertRefusedFirstThenGuardedAndTransacted(items, context.getBean(CountingTransactions.class));
        });
    }

    @Test
    void aTransactionalGuardedInterfaceProxyValidatesFirstOnceThenGuardsAndTransacts() {
        runner.withUserConfiguration(InterfaceProxies.class, TransactionalItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            ItemsApi items = context.getBean(ItemsApi.class);
            assertThat(AopUtils.isJdkDynamicProxy(items)).isTrue();
            assertRefusedFirstThenGuardedAndTransacted(items, context.getBean(CountingTransactions.class));
        });
    }

    /** A caller the controller needs, made while the controller is: it gets the controller's early reference. */
    @Component
    @Lazy
    static class CyclicCaller {

        @Autowired
        ItemsApi items;
    }

    @RestController
    @Transactional
    static class CyclicTransactionalItemsController extends TransactionalItemsController {

        @Autowired
        CyclicCaller caller;
    }

    @Test
    void aTransactionalControllerInACircularReferenceStartsAndIsTheSameValidatingBeanEverywhere() {
        runner.withUserConfiguration(ClassProxies.class, CyclicTransactionalItemsController.class, CyclicCaller.class)
                .withAllowCircularReferences(true)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ItemsApi items = context.getBean(ItemsApi.class);
                    assertThat(context.getBean(CyclicCaller.class).items).isSameAs(items);
                    assertRefusedFirstThenGuardedAndTransacted(items, context.getBean(CountingTransactions.class));
                });
    }

    /**
     * An invalid call is refused by the validation alone (before the guard, which would refuse it too, and before a
     * transaction begins); a valid one is validated once, refused by the guard, then, signed in, runs in a transaction.
     */
    private static void assertRefusedFirstThenGuardedAndTransacted(ItemsApi items, CountingTransactions transactions) {
        assertThatThrownBy(() -> items.create(new NewItem("Bad SKU!", "Mug"))).isInstanceOf(InvalidContractBodyException.class);
        assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
        assertThat(transactions.begun).hasValue(0);
        assertThatThrownBy(() -> items.create(new NewItem("mug", "Mug"))).isInstanceOf(Refused.class);
        assertThat(CountedNotBlank.Check.CALLS).hasValue(2);
        assertThat(transactions.begun).hasValue(0);
        signedIn = true;
        assertThat(items.create(new NewItem("mug", "Mug"))).isEqualTo(new NewItem("mug", "Mug"));
        assertThat(CountedNotBlank.Check.CALLS).hasValue(3);
        assertThat(IN_TRANSACTION).containsExactly(true);
        assertThat(transactions.begun).hasValue(1);
        assertThat(transactions.committed).hasValue(1);
    }
}
