package dev.forum.extraction.runtime.inprocess;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.Conventions;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.validation.DataBinder;
import org.springframework.validation.SmartValidator;
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
 * The validation of a local module's controller as other modules call it in process: an AOP interceptor that checks
 * each call's arguments as Spring MVC checks a request's before the controller method runs, then lets the call go on
 * ({@link ContractValidationPostProcessor} puts it on the controller bean).
 *
 * <p>Per contract method, decided once when the bean is made, from the implementing class's method with the
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
 *   <li>a method with none of these is not intercepted.</li>
 * </ul>
 * A {@code null} body argument is not checked (over HTTP, a missing required body is refused before validation).
 * Return values are not validated. A call Spring MVC's or Spring WebFlux's handler adapter makes (a request they
 * dispatch to the controller, validated by them already) is let through unchecked: the caller is read from the stack,
 * past Spring AOP's and reflection's frames, a few microseconds per checked call.
 */
final class ValidatingContract implements MethodInterceptor {

    /** The classes whose frames Spring MVC's and Spring WebFlux's call of a handler method leave between it and us. */
    private static final List<String> PASS_THROUGH = List.of("org.springframework.aop.", "org.springframework.cglib.",
            "java.lang.reflect.", "jdk.internal.reflect.", "kotlin.reflect.");
    /** The handler methods' invokers, of Spring MVC and of Spring WebFlux (their nested classes too). */
    private static final List<String> DISPATCHERS = List.of("org.springframework.web.method.support.InvocableHandlerMethod",
            "org.springframework.web.reactive.result.method.InvocableHandlerMethod");
    private static final StackWalker STACK = StackWalker.getInstance();

    private final SmartValidator validator;
    private final MethodValidator methodValidator;
    private final Map<Method, Check> checks;

    private ValidatingContract(SmartValidator validator, MethodValidator methodValidator, Map<Method, Check> checks) {
        this.validator = validator;
        this.methodValidator = methodValidator;
        this.checks = checks;
    }

    /**
     * @param contracts the HTTP contract interfaces the bean implements
     * @param beanType  the bean's class (a proxy's user class)
     * @param target    a bean of the class (the target of a Spring AOP proxy): read, not kept, so the validation serves
     *                  every instance of the class
     * @param validator the application's Bean Validation validator
     * @return the validation of the contracts' calls, or {@code null} when none of their methods declares anything
     *     Spring MVC would check
     */
    static ValidatingContract of(List<Class<?>> contracts, Class<?> beanType, Object target,
            jakarta.validation.Validator validator) {
        Map<Method, Check> checks = new HashMap<>();
        for (Class<?> contract : contracts) {
            checks.putAll(checks(contract, beanType, target));
        }
        if (checks.isEmpty()) {
            return null;
        }
        SpringValidatorAdapter adapter = validator instanceof SpringValidatorAdapter spring ? spring
                : new SpringValidatorAdapter(validator);
        ConfigurableWebBindingInitializer binding = new ConfigurableWebBindingInitializer();
        binding.setValidator(adapter);
        MethodValidator methodValidator = HandlerMethodValidator.from(binding, new DefaultParameterNameDiscoverer(),
                parameter -> parameter.hasParameterAnnotation(ModelAttribute.class),
                parameter -> parameter.hasParameterAnnotation(RequestParam.class));
        return new ValidatingContract(adapter, methodValidator, Map.copyOf(checks));
    }

    /**
     * @param method a method called on the bean: a contract's (an interface proxy) or the class's (a class proxy)
     * @return whether its calls are checked
     */
    boolean checks(Method method) {
        return checks.containsKey(method);
    }

    /**
     * What to check per contract method: only the methods that declare something, each under the contract's method and
     * the class's (an interface proxy is called with the one, a class proxy with the other).
     */
    private static Map<Method, Check> checks(Class<?> contract, Class<?> beanType, Object target) {
        Map<Method, Check> checks = new HashMap<>();
        for (Method method : contract.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method implementation = AopUtils.getMostSpecificMethod(method, beanType);
            boolean methodValidation = new HandlerMethod(target, implementation).createWithValidateFlags()
                    .shouldValidateArguments();
            MethodParameter[] parameters = new ContractMethod(implementation, beanType).getMethodParameters();
            List<Body> bodies = new ArrayList<>();
            if (!methodValidation) {
                for (MethodParameter parameter : parameters) {
                    Object[] hints = bodyValidationHints(parameter);
                    if (hints != null) {
                        bodies.add(new Body(parameter, hints));
                    }
                }
            }
            if (!methodValidation && bodies.isEmpty()) {
                continue;
            }
            Check check = new Check(implementation, parameters, List.copyOf(bodies), methodValidation,
                    ValidationAnnotationUtils.determineValidationGroups(target, implementation));
            checks.put(method, check);
            checks.put(implementation, check);
        }
        return checks;
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
        if (check != null && !dispatchedByWebFramework()) {
            refuseInvalid(check, invocation.getThis(), invocation.getArguments());
        }
        return invocation.proceed();
    }

    /** Whether the call was made by Spring MVC's or Spring WebFlux's invoker of handler methods. */
    private static boolean dispatchedByWebFramework() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(ValidatingContract.class.getName()) && !name.contains("$$SpringCGLIB$$")
                        && !name.contains("$Proxy") && PASS_THROUGH.stream().noneMatch(name::startsWith))
                .findFirst()
                .map(caller -> DISPATCHERS.stream().anyMatch(invoker -> caller.equals(invoker) || caller.startsWith(invoker + "$")))
                .orElse(false));
    }

    /** Throws Spring MVC's refusal of the first invalid argument(s) of a call, if any. */
    private void refuseInvalid(Check check, Object target, Object[] arguments) {
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

    /**
     * A controller method read as Spring MVC's {@link HandlerMethod} reads it (the interface's parameter annotations,
     * generics resolved against the controller's class), without holding a bean: its parameters keep a reference to it.
     */
    private static final class ContractMethod extends AnnotatedMethod {

        private final Class<?> beanType;

        ContractMethod(Method method, Class<?> beanType) {
            super(method);
            this.beanType = beanType;
        }

        @Override
        protected Class<?> getContainingClass() {
            return beanType;
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
     * @param groups           the groups of that validation: the method's {@code @Validated} ones
     */
    private record Check(Method implementation, MethodParameter[] parameters, List<Body> bodies, boolean methodValidation,
            Class<?>[] groups) {
    }
}
