package forum.platform.topology;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * The annotated bean exists only in a process where the named module is local
 * ({@code forum.topology.local-modules}, default: every module whose implementation is on the class
 * path). Every bean of a module's implementation carries it, so a remote module starts nothing here:
 * no beans, no routes, no migrations.
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(OnLocalModuleCondition.class)
public @interface ConditionalOnLocalModule {

    /** The module's name, as in its {@link forum.platform.ModuleApi}. */
    String value();
}
