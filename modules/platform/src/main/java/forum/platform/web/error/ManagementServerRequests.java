package forum.platform.web.error;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.actuate.web.ManagementErrorEndpoint;
import org.springframework.core.type.MethodMetadata;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * Makes Actuator's own server (the child context of {@code management.server.port}) read requests as the
 * application's server does: the same servlet filters, in the same order, and the same error page.
 *
 * <p>Filters: every filter the application's server is given ({@link ServletContextInitializerBeans} of the
 * application's context: the forum's own, {@code CanonicalPathFilter} to {@code ConditionalReadFilter} and the read
 * cache, and Spring Boot's) is registered with the management server too, with the same order, URL patterns and
 * dispatcher types, through a {@link DelegatingFilterProxy} around the application's instance (the filter is made and
 * initialised once, by the application's server). Spring Boot itself carries only Spring Security's filter chain over
 * ({@code ServletManagementChildContextConfiguration}); a filter the management context defines itself (that chain,
 * its {@code requestContextFilter}) is left as it is.
 *
 * <p>Error page: Spring Boot answers the management server's {@code /error} with its {@link ManagementErrorEndpoint}
 * (Spring Boot's {@code {timestamp, status, error}} map, 200 when called directly), offering no switch to leave it out;
 * it is replaced by the application's {@link ProblemErrorController}, so what the container forwards there is a
 * problem and {@code /error} called directly is the 404 {@code no-route}, as on the application's port.
 *
 * <p>Runs on the management context's bean definitions, once its configuration classes are read and before any of its
 * beans is made; the application's context is refreshed by then (the management context starts after it).
 */
final class ManagementServerRequests implements BeanDefinitionRegistryPostProcessor {

    /**
     * @param registry a context's bean factory; only the management child context's is changed, the one Spring Boot
     *                 gives its {@link ManagementErrorEndpoint} (component scanning finds this configuration in the
     *                 application's context as well, where this leaves everything as it is)
     * @throws IllegalStateException if the management context has no parent to take the filters from
     */
    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        List<String> errorEndpoints = Arrays.stream(registry.getBeanDefinitionNames())
                .filter(name -> registry.getBeanDefinition(name) instanceof AnnotatedBeanDefinition definition
                        && isManagementErrorEndpoint(definition.getFactoryMethodMetadata()))
                .toList();
        if (errorEndpoints.isEmpty()) {
            return;
        }
        if (!(registry instanceof ConfigurableListableBeanFactory management)
                || !(management.getParentBeanFactory() instanceof ListableBeanFactory application)) {
            throw new IllegalStateException("The management context has no application context to take filters from");
        }
        for (AbstractFilterRegistrationBean<?> filter : filtersOf(application)) {
            String name = filter.getFilterName();
            if (!registry.containsBeanDefinition(name)) {
                registry.registerBeanDefinition(name,
                        new RootBeanDefinition(FilterRegistrationBean.class, () -> sameRegistration(filter)));
            }
        }
        errorEndpoints.forEach(registry::removeBeanDefinition);
        registry.registerBeanDefinition("problemErrorController", new RootBeanDefinition(ProblemErrorController.class,
                () -> application.getBean(ProblemErrorController.class)));
    }

    /** The filters of the application's server, as Spring Boot registers them there, in their order. */
    private static List<AbstractFilterRegistrationBean<?>> filtersOf(ListableBeanFactory application) {
        List<AbstractFilterRegistrationBean<?>> filters = new ArrayList<>();
        for (ServletContextInitializer initializer : new ServletContextInitializerBeans(application)) {
            if (initializer instanceof AbstractFilterRegistrationBean<?> filter) {
                filters.add(filter);
            }
        }
        return filters;
    }

    /** A registration of the same filter instance, mapped and ordered as the application's server maps it. */
    private static FilterRegistrationBean<Filter> sameRegistration(AbstractFilterRegistrationBean<?> filter) {
        FilterRegistrationBean<Filter> same = new FilterRegistrationBean<>(new DelegatingFilterProxy(filter.getFilter()));
        same.setName(filter.getFilterName());
        same.setOrder(filter.getOrder());
        same.setEnabled(filter.isEnabled());
        same.setUrlPatterns(filter.getUrlPatterns());
        same.setServletNames(filter.getServletNames());
        filter.getServletRegistrationBeans().stream().map(ServletRegistrationBean::getServletName)
                .forEach(same::addServletNames);
        same.setDispatcherTypes(filter.determineDispatcherTypes());
        same.setMatchAfter(filter.isMatchAfter());
        same.setAsyncSupported(filter.isAsyncSupported());
        same.setInitParameters(filter.getInitParameters());
        return same;
    }

    private static boolean isManagementErrorEndpoint(MethodMetadata factoryMethod) {
        return factoryMethod != null && ManagementErrorEndpoint.class.getName().equals(factoryMethod.getReturnTypeName());
    }
}
