package dev.forum.extraction.runtime.inprocess;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.Conventions;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.validation.DataBinder;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidator;

/**
 * A local module's contract bean as other modules get it in process: a proxy of the contract interface that checks
 * each call's arguments as Spring MVC checks a request's before the controller method runs, then calls the bean.
 *
 * <p>Per contract method, decided once when the proxy is made, from the implementing class's method with the
 * interface's parameter annotations ({@link HandlerMethod}, as Spring MVC reads them):
 * <ul>
 *   <li>where Spring MVC validates the method ({@link HandlerMethod#shouldValidateArguments()}: a constraint on a
 *       parameter or container element, {@code @Valid} on a list, map or array), Spring's {@link HandlerMethodValidator}
 *       validates every argument and refuses the call with its {@code HandlerMethodValidationException} (400,
 *       "Validation failure");</li>
 *   <li>else each {@code @Valid} / {@code @Validated} argument of a {@code @RequestBody} or {@code @RequestPart}
 *       parameter is validated as Spring MVC's argument resolver does (a {@link DataBinder} with the application's
 *       validator and the annotation's groups), the first invalid one refused with an
 *       {@link InvalidContractBodyException} (400, "Invalid request content.");</li>
 *   <li>on a {@code @Validated} class (which Spring MVC leaves to Spring's {@code MethodValidationInterceptor}, whose
 *       {@code ConstraintViolationException} an outer request answers 500) both, in that order: the parameter
 *       constraints are refused with the same {@code HandlerMethodValidationException} 400;</li>
 *   <li>a method with none of these is called straight on (one map look-up per call).</li>
 * </ul>
 * A {@code null} body argument is not checked (over HTTP, a missing required body is refused before validation).
 * Return values are not validated.
 */
final class ValidatingContract implements MethodInterceptor {

    private final Object target;
    private final SmartValidator validator;
    private final MethodValidator methodValidator;
    private final Map<Method, Check> checks;

    private ValidatingContract(Object target, SmartValidator validator, MethodValidator methodValidator,
            Map<Method, Check> checks) {
        this.target = target;
        this.validator = validator;
        this.methodValidator = methodValidator;
        this.checks = checks;
    }

    /**
     * @param contract  the HTTP contract interface other modules inject
     * @param target    the local bean implementing it (possibly itself an AOP proxy)
     * @param validator the application's Bean Validation validator; {@code null} when it has none (or several)
     * @return a proxy of {@code contract} checking its calls, or calling {@code target} straight on when no method of
     *     it declares anything Spring MVC would check or there is no validator
     */
    static <T> T proxy(Class<T> contract, Object target, jakarta.validation.Validator validator) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setInterfaces(contract);
        Map<Method, Check> checks = validator == null ? Map.of() : checks(contract, target);
        if (!checks.isEmpty()) {
            SpringValidatorAdapter adapter = validator instanceof SpringValidatorAdapter spring ? spring
                    : new SpringValidatorAdapter(validator);
            ConfigurableWebBindingInitializer binding = new ConfigurableWebBindingInitializer();
            binding.setValidator(adapter);
            MethodValidator methodValidator = HandlerMethodValidator.from(binding, new DefaultParameterNameDiscoverer(),
                    parameter -> parameter.hasParameterAnnotation(ModelAttribute.class),
                    parameter -> parameter.hasParameterAnnotation(RequestParam.class));
            factory.addAdvice(new ValidatingContract(target, adapter, methodValidator, checks));
        }
        return contract.cast(factory.getProxy(contract.getClassLoader()));
    }

    /** What to check per contract method: only the methods that declare something. */
    private static Map<Method, Check> checks(Class<?> contract, Object target) {
        Class<?> beanType = ClassUtils.getUserClass(AopUtils.getTargetClass(target));
        boolean validatedClass = AnnotationUtils.findAnnotation(beanType, Validated.class) != null;
        Map<Method, Check> checks = new HashMap<>();
        for (Method method : contract.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method implementation = AopUtils.getMostSpecificMethod(method, beanType);
            HandlerMethod handler = new HandlerMethod(target, implementation).createWithValidateFlags();
            MethodParameter[] parameters = handler.getMethodParameters();
            boolean mvcValidates = handler.shouldValidateArguments();
            boolean methodValidation = mvcValidates
                    || (validatedClass && ContractConstraints.declared(method, implementation));
            List<Body> bodies = new ArrayList<>();
            if (!mvcValidates) {
                for (MethodParameter parameter : parameters) {
                    Object[] hints = bodyValidationHints(parameter);
                    if (hints != null) {
                        bodies.add(new Body(parameter, hints));
                    }
                }
            }
            if (methodValidation || !bodies.isEmpty()) {
                checks.put(method, new Check(implementation, parameters, List.copyOf(bodies), methodValidation,
                        ValidationAnnotationUtils.determineValidationGroups(target, implementation)));
            }
        }
        return Map.copyOf(checks);
    }

    /** The validation hints of a body parameter Spring MVC's argument resolver validates, else {@code null}. */
    private static Object[] bodyValidationHints(MethodParameter parameter) {
        if (!parameter.hasParameterAnnotation(RequestBody.class) && !parameter.hasParameterAnnotation(RequestPart.class)) {
            return null;
        }
        for (java.lang.annotation.Annotation annotation : parameter.getParameterAnnotations()) {
            Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
            if (hints != null) {
                return hints;
            }
        }
        return null;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Check check = checks.get(invocation.getMethod());
        if (check != null) {
            refuseInvalid(check, invocation.getArguments());
        }
        return invocation.proceed();
    }

    /** Throws Spring MVC's refusal of the first invalid argument(s) of a call, if any. */
    private void refuseInvalid(Check check, Object[] arguments) {
        for (Body body : check.bodies()) {
            Object argument = arguments[body.parameter().getParameterIndex()];
            if (argument == null) {
                continue;
            }
            DataBinder binder = new DataBinder(argument, Conventions.getVariableNameForParameter(body.parameter()));
            binder.setValidator(validator);
            binder.validate(body.hints());
            if (binder.getBindingResult().hasErrors()) {
                throw new InvalidContractBodyException(body.parameter(), binder.getBindingResult());
            }
        }
        if (check.methodValidation()) {
            methodValidator.applyArgumentValidation(target, check.implementation(), check.parameters(), arguments,
                    check.groups());
        }
    }

    /** A {@code @Valid} body parameter and its validation groups. */
    private record Body(MethodParameter parameter, Object[] hints) {
    }

    /**
     * A contract method's checks.
     *
     * @param implementation   the implementing class's method
     * @param parameters       its parameters as Spring MVC reads them
     * @param bodies           the bodies validated one by one
     * @param methodValidation whether all arguments are validated together (Spring's method validation)
     * @param groups           the groups of that validation: the method's or the class's {@code @Validated} ones
     */
    private record Check(Method implementation, MethodParameter[] parameters, List<Body> bodies, boolean methodValidation,
            Class<?>[] groups) {
    }
}
