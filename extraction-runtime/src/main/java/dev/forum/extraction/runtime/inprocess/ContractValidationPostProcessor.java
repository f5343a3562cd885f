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
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.NestedExceptionUtils;
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
 * method, a package-private one of a superclass in another package) or that Spring cannot subclass (only private
 * constructors, a class its loader cannot see), with one WARN line per class. A remote module's contract is a client,
 * not a controller: its module validates the request.
 *
 * <p>What a controller class takes (its contracts, their checks, the advisor) is worked out once per class, so the
 * instances of a prototype- or request-scoped controller share it and one proxy class.
 */
public final class ContractValidationPostProcessor
        implements SmartInstantiationAwareBeanPostProcessor, BeanFactoryAware, BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(ContractValidationPostProcessor.class);

    /** The names of the beans whose early reference (a circular one) was decorated: their finished bean is not again. */
    private final Set<String> earlyReferenced = ConcurrentHashMap.newKeySet();
    /** Per controller class, what decorating it takes: worked out once, for every bean and instance of the class. */
    private final Map<Class<?>, Decoration> decorations = new ConcurrentHashMap<>();
    /** The controller classes left as they are with a WARN line: one line per class, not per instance. */
    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();
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

    /**
     * A bean another one needs before it is initialized (a circular reference) is decorated now, and only now: what
     * this gets is the early reference earlier post-processors made (Spring's auto-proxy creator's proxy, say), while
     * {@link #postProcessAfterInitialization} later gets the raw bean back from them, so the bean is known by its name.
     */
    @Override
    public Object getEarlyBeanReference(Object bean, String beanName) {
        earlyReferenced.add(beanName);
        return decorate(bean, beanName);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (earlyReferenced.remove(beanName)) {
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
        Decoration decoration = decorations.get(type);
        if (decoration == null) {
            decoration = decoration(type, bean, name);
            Decoration known = decorations.putIfAbsent(type, decoration);
            decoration = known != null ? known : decoration;
        }
        if (decoration.advisor() == null) {
            return bean;
        }
        if (bean instanceof Advised advised && AopUtils.isAopProxy(bean) && !advised.isFrozen()) {
            advised.addAdvisor(0, decoration.advisor());
            log.debug("In-process calls of {} through bean '{}' are validated as over HTTP", decoration.contracts(), name);
            return bean;
        }
        String refusal = decoration.classProxyRefusal();
        if (refusal == null) {
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(true);
            factory.addAdvisor(decoration.advisor());
            try {
                Object proxy = factory.getProxy(classLoader);
                log.debug("In-process calls of {} through bean '{}' are validated as over HTTP", decoration.contracts(), name);
                return proxy;
            } catch (AopConfigException | IllegalArgumentException e) {
                refusal = "Spring cannot make a class proxy of it (" + NestedExceptionUtils.getMostSpecificCause(e).getMessage()
                        + "): give it a constructor and a class that are not private";
                decorations.put(type, new Decoration(decoration.contracts(), decoration.advisor(), refusal));
            }
        }
        if (warned.add(type)) {
            log.warn("In-process calls of {} through bean '{}' are not validated as over HTTP: {} (or set"
                    + " extraction.inprocess.validation.enabled=false)", decoration.contracts(), name, refusal);
        }
        return bean;
    }

    /**
     * @param type a controller's class
     * @param bean a bean of it (read for its class only, not kept)
     * @param name the bean's name, for the log
     * @return how to decorate the class's beans: {@link Decoration#NONE} when they are left as they are
     */
    private Decoration decoration(Class<?> type, Object bean, String name) {
        List<Class<?>> contracts = checkedContracts(type);
        if (contracts.isEmpty()) {
            return Decoration.NONE;
        }
        if (AnnotatedElementUtils.hasAnnotation(type, Validated.class)) {
            log.debug("Bean '{}' is @Validated: Spring's method validation checks in-process calls of {}", name, names(contracts));
            return Decoration.NONE;
        }
        jakarta.validation.Validator validator = beanFactory.getBeanProvider(jakarta.validation.Validator.class).getIfUnique();
        if (validator == null) {
            return Decoration.NONE;
        }
        Object target = bean instanceof Advised ? AopProxyUtils.getSingletonTarget(bean) : bean;
        ValidatingContract validating = ValidatingContract.of(contracts, type, target == null ? bean : target, validator);
        if (validating == null) {
            return Decoration.NONE;
        }
        return new Decoration(names(contracts), new ValidationAdvisor(type, validating), classProxyRefusal(type));
    }

    /**
     * Why a class proxy (a subclass, Spring's CGLIB proxy) of a controller would change what it does: a final class
     * cannot be subclassed; a final method, and a package-private request-handler method declared in a superclass of
     * another package, cannot be overridden, so each would run on the proxy, whose fields are unset; Spring MVC refuses
     * to start with a private request-handler method on a proxy.
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
                if (!handler) {
                    continue;
                }
                if (Modifier.isPrivate(modifiers)) {
                    return "its request-handler method " + declaring.getName() + "." + method.getName() + " is private,"
                            + " which Spring MVC refuses to call on a proxy: make it public";
                }
                boolean packagePrivate = !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers);
                if (packagePrivate && declaring.getPackage() != type.getPackage()) {
                    return "its request-handler method " + declaring.getName() + "." + method.getName() + " is"
                            + " package-private in another package than " + type.getName() + ", so a proxy cannot"
                            + " override it and it would run on the proxy, whose fields are unset: make it public";
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

    /**
     * @param type an interface (any class is asked the same)
     * @return whether it is an HTTP contract: {@code @HttpExchange} (or {@code @GetExchange}, ...) on it or on one of
     *         its public methods
     */
    public static boolean isContract(Class<?> type) {
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

    /**
     * How the beans of one controller class are decorated.
     *
     * @param contracts         the checked contracts' names, for the log
     * @param advisor           the validation, one per class; {@code null} when the class's beans are left as they are
     * @param classProxyRefusal why a class proxy of it would break it ({@link #classProxyRefusal}), or {@code null}
     */
    private record Decoration(List<String> contracts, ValidationAdvisor advisor, String classProxyRefusal) {

        static final Decoration NONE = new Decoration(List.of(), null, null);
    }

    /**
     * The validation, applied only to the contract methods that declare a check: the others are called straight on. One
     * per controller class and post-processor (equal only to itself), its text naming the class: Spring's cache of
     * CGLIB proxy classes keys on that text, so the advisors of one class built separately (by the post-processors of
     * two application contexts on one class loader, as a test suite starts them) give the one proxy class too.
     */
    private static final class ValidationAdvisor extends StaticMethodMatcherPointcutAdvisor implements AopInfrastructureBean {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final transient ValidatingContract validating;

        ValidationAdvisor(Class<?> controller, ValidatingContract validating) {
            super(validating);
            this.name = "ContractValidation:" + controller.getName();
            this.validating = validating;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return validating.checks(method);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
