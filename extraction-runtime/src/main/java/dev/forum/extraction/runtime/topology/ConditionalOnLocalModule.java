package dev.forum.extraction.runtime.topology;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * The annotated bean (or configuration, and all it imports) exists only in a process where the named module is
 * local ({@code extraction.topology.local-modules}; without module metadata, everywhere). Beans whose class lies in a
 * remote module's packages are left out anyway ({@code RemoteModuleRegistrar}); this is for what a module has
 * registered on its behalf from elsewhere, such as a shared module's registrar of per-module database beans, and for
 * applications that mark their modules' beans explicitly.
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(OnLocalModuleCondition.class)
public @interface ConditionalOnLocalModule {

    /** The module's name, as Spring Modulith names it. */
    String value();
}
