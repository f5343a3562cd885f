package forum.platform.web.cache;

import forum.platform.data.DataVersion;
import forum.platform.data.ModuleDatabase;
import forum.platform.security.ModuleContracts;
import forum.platform.web.RootController;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;

/**
 * Keeps the answers of the local modules' {@link forum.platform.CacheableRead} routes and the tutorial's fixed
 * {@code /} and {@code /api/} ({@link RootController}) in the process ({@link CachedReadFilter}).
 * {@code forum.read-cache.enabled=false} turns it off; {@code forum.read-cache.max-size} (default 32MB) bounds the
 * heap the kept answers take per process (keys, bodies, headers, entity tags and each entry's own objects).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "forum.read-cache.enabled", matchIfMissing = true)
class CachedReadConfiguration {

    /**
     * @throws IllegalStateException if a {@code @CacheableRead} route is not a {@code GET} open to anyone, or the size
     *                               is below 1KB
     */
    @Bean
    FilterRegistrationBean<CachedReadFilter> cachedReadFilter(BeanFactory beans,
                                                              @Value("${forum.read-cache.max-size:32MB}") DataSize maxSize) {
        if (maxSize.toBytes() < 1024) {
            throw new IllegalStateException("forum.read-cache.max-size is at least 1KB (e.g. 32MB), not " + maxSize
                    + "; set forum.read-cache.enabled=false to keep no answers");
        }
        CacheableRoutes routes = CacheableRoutes.of(ModuleContracts.of(beans, getClass().getClassLoader()),
                module -> beans.containsBean(module + "Database") ? dataVersion(beans, module) : null,
                List.of(RootController.class));
        FilterRegistrationBean<CachedReadFilter> registration =
                new FilterRegistrationBean<>(new CachedReadFilter(routes, maxSize.toBytes()));
        // Last: after observation, the request id and access log, and Spring Security, which a kept answer still passes.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setEnabled(routes.any());
        return registration;
    }

    /** Looked up on the first request: the filter is made with the web server, before the modules' databases. */
    private static LongSupplier dataVersion(BeanFactory beans, String module) {
        SingletonSupplier<DataVersion> version =
                SingletonSupplier.of(() -> beans.getBean(module + "Database", ModuleDatabase.class).dataVersion());
        return () -> version.obtain().current();
    }
}
