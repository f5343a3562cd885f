package forum.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code GET} route of a module's contract whose answer depends only on its module's data and on the request's
 * path and query (the API answers the same whatever {@code Accept} says): the same for every caller, as a route open to anyone
 * ({@link RouteAccess.Caller#ANYONE}) that reads rows is. Where the module is local, its 200 answers are kept in the
 * process and given again for as long as the module's data version is unchanged (forum.platform.web.cache); every
 * read still asks the module's database for that version, so a write committed anywhere is seen by the next read in
 * every process. A route whose answer depends on the caller, a clock or anything outside its module's tables (a
 * key set, a setting) must not carry it.
 *
 * <p>On a platform controller's {@code @GetMapping} method (the tutorial's {@code /} and {@code /api/},
 * {@code forum.platform.web.RootController}), it marks an answer that depends on nothing at all: kept for the life of
 * the process, without a version query.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CacheableRead {
}
