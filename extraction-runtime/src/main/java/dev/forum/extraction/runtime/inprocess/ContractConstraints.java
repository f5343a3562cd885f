package dev.forum.extraction.runtime.inprocess;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Whether a contract's methods declare anything Bean Validation checks on their parameters: {@code @Valid},
 * {@code @Validated} or a constraint (an annotation meta-annotated with {@code @Constraint}) on a parameter or on a
 * type argument or array component of its type, on the interface's method or the implementing class's (the
 * annotations Spring MVC reads). A cheap reading of annotations, no validator: what decides whether a contract gets a
 * validating proxy at all.
 */
final class ContractConstraints {

    private ContractConstraints() {
    }

    /**
     * @param contract the HTTP contract interface
     * @param beanType the class implementing it
     * @return whether any of its methods (inherited ones included) declares a parameter check
     */
    static boolean declared(Class<?> contract, Class<?> beanType) {
        for (Method method : contract.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            if (declared(method, ClassUtils.getMostSpecificMethod(method, beanType))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param method         a contract interface's method
     * @param implementation the implementing class's method (or {@code method} itself, a default method)
     * @return whether either declares a parameter check
     */
    static boolean declared(Method method, Method implementation) {
        return declaresParameterConstraints(method, new AnnotatedMethod(implementation).getMethodParameters())
                || declaresParameterConstraints(implementation, new MethodParameter[0]);
    }

    private static boolean declaresParameterConstraints(Method method, MethodParameter[] parameters) {
        for (MethodParameter parameter : parameters) {
            if (checked(parameter.getParameterAnnotations())) {
                return true;
            }
        }
        for (Parameter parameter : method.getParameters()) {
            if (checked(parameter.getAnnotations()) || checkedElements(parameter.getAnnotatedType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean checkedElements(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (checked(argument.getAnnotations()) || checkedElements(argument)) {
                    return true;
                }
            }
        } else if (type instanceof AnnotatedArrayType array) {
            AnnotatedType component = array.getAnnotatedGenericComponentType();
            return checked(component.getAnnotations()) || checkedElements(component);
        }
        return false;
    }

    private static boolean checked(Annotation[] annotations) {
        if (annotations.length == 0) {
            return false;
        }
        MergedAnnotations merged = MergedAnnotations.from(annotations);
        return merged.isPresent(Constraint.class) || merged.isPresent(Valid.class) || merged.isPresent(Validated.class);
    }
}
