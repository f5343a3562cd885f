package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;

/**
 * The analyzer's reading of what configures the whole application, for its JSON: {@code applicationWide}, each class
 * of a module that configures the whole application (a {@code SecurityFilterChain} bean, an unscoped
 * {@code @ControllerAdvice}, an {@code @Enable*}, ...) to what it configures and what leaving it out does
 * ({@link ApplicationWideBeans}); and {@code featureUses}, each class that uses what an {@code @Enable*} turns on
 * ({@code @Scheduled}, {@code @Async}, {@code @Cacheable}, {@code @CreatedDate}, Spring Data's {@code Auditable}, ...) to
 * those uses ({@link EnableAnnotations#uses}): the modules' classes and the classes outside every module (the root packages' own),
 * which every process holds and which therefore need the feature in every process.
 */
final class ApplicationWideClasses {

    private ApplicationWideClasses() {
    }

    /**
     * Puts {@code applicationWide} and {@code featureUses} into the analyzer's result.
     *
     * @param modules     Spring Modulith's modules of the application
     * @param moduleTypes every class of every module
     * @param result      the analyzer's JSON object, written to
     */
    static void read(ApplicationModules modules, Collection<JavaClass> moduleTypes, Map<String, Object> result) {
        result.put("applicationWide", ApplicationWideBeans.find(moduleTypes, type -> modules.getModuleByType(type)
                .map(module -> module.getBasePackage().getName()).orElse("")));
        List<JavaClass> users = new ArrayList<>(moduleTypes);
        users.addAll(outsideEveryModule(modules));
        result.put("featureUses", EnableAnnotations.uses(users));
    }

    /**
     * The classes of the root packages that no module holds, each once (Spring Modulith gives them a root module of
     * their own, {@code isRootModule()}, which is no module of the application's).
     */
    static List<JavaClass> outsideEveryModule(ApplicationModules modules) {
        return modules.getRootPackages().stream().flatMap(JavaPackage::stream)
                .filter(type -> modules.getModuleByType(type).map(ApplicationModule::isRootModule).orElse(true))
                .distinct().toList();
    }
}
