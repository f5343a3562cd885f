package dev.forum.extraction.runtime.inprocess;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Makes each local controller that implements an HTTP contract (an interface with {@code @HttpExchange} on it or on a
 * method) whose methods declare parameter checks ({@link ContractConstraints}) validate in-process calls of those
 * methods as Spring MVC validates a request ({@link ValidatingContract}).
 *
 * <p>The controller bean itself becomes the validating proxy, as Spring decorates a bean with its own AOP proxies: a
 * class-based proxy (callers injecting the controller's class still can), or, where the bean already is a Spring AOP
 * proxy, one more advisor on it, first in its chain, so a call is validated before a transaction or a security check
 * starts, as over HTTP. The application keeps one bean per controller under its own name, so injection by type, by
 * name, of a {@code List}, {@code Map} or {@code ObjectProvider} sees what it saw without this. Requests Spring MVC or
 * Spring WebFlux dispatch to the controller are not validated again (they were, before the method is called).
 *
 * <p>Left as they are: a controller Spring's {@code MethodValidationInterceptor} validates ({@code @Validated} on its
 * class, a superclass or an interface, as Spring's {@code MethodValidationPostProcessor} selects them); a contract
 * that declares no check; every bean when the application has no unique {@code jakarta.validation.Validator}; a
 * controller a class proxy would change ({@link #classProxyRefusal}: a final class or method, a private handler
 * method), with one WARN line. A remote module's contract is a client, not a controller: its module validates the
 * request.
 */
public final class ContractValidationPostProcessor
        implements SmartInstantiationAwareBeanPostProcessor, BeanFactoryAware, BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(ContractValidationPostProcessor.class);

    private final Map<String, Object> earlyReferences = new ConcurrentHashMap<>();
    private BeanFactory beanFactory;
    private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** A bean another one needs before it is initialized (a circular reference) is decorated now, and only now. */
    @Override
    public Object getEarlyBeanReference(Object bean, String beanName) {
        earlyReferences.put(beanName, bean);
        return decorate(bean, beanName);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (earlyReferences.remove(beanName) == bean) {
            return bean;
        }
        return decorate(bean, beanName);
    }

    /**
     * @param bean a bean, possibly a Spring AOP proxy
     * @param name its name
     * @return the bean (advised further if it already was a proxy), or a proxy of it that validates its contracts' calls
     */
    private Object decorate(Object bean, String name) {
        if (bean instanceof AopInfrastructureBean) {
            return bean;
        }
        Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        if (type.isInterface() || Proxy.isProxyClass(type) || !AnnotatedElementUtils.hasAnnotation(type, Controller.class)) {
            return bean;
        }
        List<Class<?>> contracts = checkedContracts(type);
        if (contracts.isEmpty()) {
            return bean;
        }
        if (AnnotatedElementUtils.hasAnnotation(type, Validated.class)) {
            log.debug("Bean '{}' is @Validated: Spring's method validation checks in-process calls of {}", name, names(contracts));
            return bean;
        }
        jakarta.validation.Validator validator = beanFactory.getBeanProvider(jakarta.validation.Validator.class).getIfUnique();
        if (validator == null) {
            return bean;
        }
        Object target = bean instanceof Advised ? AopProxyUtils.getSingletonTarget(bean) : bean;
        ValidatingContract validating = ValidatingContract.of(contracts, type, target == null ? bean : target, validator);
        if (validating == null) {
            return bean;
        }
        ValidationAdvisor advisor = new ValidationAdvisor(validating);
        if (bean instanceof Advised advised && AopUtils.isAopProxy(bean) && !advised.isFrozen()) {
            advised.addAdvisor(0, advisor);
            log.debug("In-process calls of {} through bean '{}' are validated as over HTTP", names(contracts), name);
            return bean;
        }
        String refusal = classProxyRefusal(type);
        if (refusal != null) {
            log.warn("In-process calls of {} through bean '{}' are not validated as over HTTP: {} (or set"
                    + " extraction.inprocess.validation.enabled=false)", names(contracts), name, refusal);
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(advisor);
        log.debug("In-process calls of {} through bean '{}' are validated as over HTTP", names(contracts), name);
        return factory.getProxy(classLoader);
    }

    /**
     * Why a class proxy (a subclass, Spring's CGLIB proxy) of a controller would change what it does: a final class
     * cannot be subclassed; a final method would run on the proxy, whose fields are unset; Spring MVC refuses to start
     * with a private request-handler method on a proxy, or a package-private one declared in another package.
     *
     * @param type a controller's class
     * @return the reason and what to change, or {@code null} when there is none
     */
    static String classProxyRefusal(Class<?> type) {
        if (Modifier.isFinal(type.getModifiers())) {
            return "its class " + type.getName() + " is final, and a proxy is a subclass: make it non-final";
        }
        for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isStatic(modifiers) || method.isSynthetic()) {
                    continue;
                }
                if (Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers)) {
                    return "its method " + declaring.getName() + "." + method.getName() + " is final, so on a proxy it would"
                            + " run with the proxy's unset fields: make it non-final";
                }
                boolean handler = AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)
                        || AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class);
                boolean packagePrivate = !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)
                        && !Modifier.isPrivate(modifiers);
                if (handler && (Modifier.isPrivate(modifiers)
                        || (packagePrivate && declaring.getPackage() != type.getPackage()))) {
                    return "its request-handler method " + declaring.getName() + "." + method.getName() + " is private"
                            + " to its class or package, which Spring MVC refuses on a proxy: make it public";
                }
            }
        }
        return null;
    }

    /**
     * @param beanType a bean's class
     * @return the most specific HTTP contracts it implements that declare parameter checks
     */
    static List<Class<?>> checkedContracts(Class<?> beanType) {
        Set<Class<?>> interfaces = ClassUtils.getAllInterfacesForClassAsSet(beanType);
        List<Class<?>> contracts = interfaces.stream().filter(ContractValidationPostProcessor::isContract).toList();
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> contract : contracts) {
            boolean extended = contracts.stream().anyMatch(other -> other != contract && contract.isAssignableFrom(other));
            if (!extended && ContractConstraints.declared(contract, beanType)) {
                checked.add(contract);
            }
        }
        return checked;
    }

    private static boolean isContract(Class<?> type) {
        if (AnnotatedElementUtils.hasAnnotation(type, HttpExchange.class)) {
            return true;
        }
        for (Method method : type.getMethods()) {
            if (AnnotatedElementUtils.hasAnnotation(method, HttpExchange.class)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<Class<?>> contracts) {
        return contracts.stream().map(Class::getName).toList();
    }

    /** The validation, applied only to the contract methods that declare a check: the others are called straight on. */
    private static final class ValidationAdvisor extends StaticMethodMatcherPointcutAdvisor implements AopInfrastructureBean {

        private static final long serialVersionUID = 1L;

        private final transient ValidatingContract validating;

        ValidationAdvisor(ValidatingContract validating) {
            super(validating);
            this.validating = validating;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return validating.checks(method);
        }
    }
}
