package forum.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a module's published API interface and names the module. The interface's {@code @HttpExchange}
 * path is where the module's routes live; every process finds the contracts through this annotation to guard their
 * routes ({@code forum.platform.security}). Which modules run where is the extraction plugin's and run-time library's
 * business: they read the modules from Spring Modulith's model, not from this annotation.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModuleApi {

    /** The module's name, also its schema's name and its key in the topology settings. */
    String value();
}
