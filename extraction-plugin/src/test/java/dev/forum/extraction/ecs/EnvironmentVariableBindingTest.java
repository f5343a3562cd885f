package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the ECS task definitions set bind, through Spring Boot's own {@link Binder} over an
 * environment holding only that variable, to the property the application reads: a module's datasource settings
 * ({@link EcsNames#datasourceVariable}) and the token settings ({@link EcsSettings#applicationVariable}), for names
 * and prefixes with and without a dash.
 */
class EnvironmentVariableBindingTest {

    @ParameterizedTest
    @CsvSource({
            "forum, posts, USERNAME, username",
            "forum, content-api, USERNAME, username",
            "forum, content-api, PASSWORD, password",
            "forum, content-api, OWNER_PASSWORD, owner.password",
            "forum, content-api, MOVED_URL, moved.url",
            "forum, content-api, MAXIMUMPOOLSIZE, maximum-pool-size",
            "shop-app, order-lines, PASSWORD, password",
            "com.example.shop, a-b-c, OWNER_USERNAME, owner.username"})
    void aModulesDatasourceVariableBindsToItsProperty(String prefix, String module, String setting, String property) {
        String variable = EcsNames.datasourceVariable(settings(prefix), module, setting);
        assertEquals("value of " + variable, bound(variable, prefix + ".datasource." + module + "." + property));
    }

    @ParameterizedTest
    @CsvSource({
            "forum, security.jwt.issuer-module",
            "forum, security.jwt.jwks-path",
            "shop-app, security.jwt.issuer-module"})
    void aTokenSettingsVariableBindsToItsProperty(String prefix, String property) {
        String variable = settings(prefix).applicationVariable(property);
        assertEquals("value of " + variable, bound(variable, prefix + "." + property));
    }

    @ParameterizedTest
    @CsvSource({"forum", "shop-app"})
    void theSigningKeysVariableBindsToItsProperty(String prefix) {
        String variable = TaskVariables.signingKeys(settings(prefix));
        assertEquals("value of " + variable, bound(variable, prefix + ".security.jwt.signing-keys"));
    }

    private static EcsSettings settings(String prefix) {
        return EcsSettings.defaults("forum", null, "..", "forum-app", "forum-app/target/services").settingsPrefix(prefix);
    }

    /** What Spring Boot binds to {@code property} when the environment holds only {@code variable}; null for nothing. */
    private static String bound(String variable, String property) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(variable, "value of " + variable)));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind(property, String.class).orElse(null);
    }
}
