package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every form of a module's URL the run time names ({@link RemoteUrlSetting}) binds that module's name, checked with
 * Spring Boot's own binder: properties as a property source gives them, environment variables as the process
 * environment gives them, {@code SPRING_APPLICATION_JSON} as Spring Boot reads it at start
 * ({@link SpringApplicationJsonEnvironmentPostProcessor}).
 */
class RemoteUrlSettingTest {

    private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    /**
     * An environment whose variables are {@code variables} only (not this machine's), after Spring Boot has read
     * {@code SPRING_APPLICATION_JSON} among them into properties, as it does before the application starts.
     */
    static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(SYSTEM_ENVIRONMENT,
                new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, variables));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    /** The module metadata's nested module {@code library.shelves}, remote, gets its URL from SPRING_APPLICATION_JSON. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"extraction.topology.remote-urls[library.shelves]\":\"http://shelves:3000\"}",
            "{\"extraction\":{\"topology\":{\"remote-urls\":{\"[library.shelves]\":\"http://shelves:3000\"}}}}"})
    void aDottedModuleGetsItsUrlFromSpringApplicationJson(String json) throws IOException {
        StandardEnvironment environment = environment(Map.of("SPRING_APPLICATION_JSON", json,
                "EXTRACTION_TOPOLOGY_LOCAL_MODULES", "library,admin.audit.exports"));
        Topology topology = Topology.resolve(TopologySettings.from(environment), TopologyTest.metadata(TopologyTest.LIBRARY));
        assertThat(topology.remoteModules()).containsExactly(Map.entry("library.shelves", URI.create("http://shelves:3000")));
    }

    /**
     * A nested JSON object's keys are joined with dots, so {@code "library.shelves"} as a key of {@code remote-urls}
     * makes the dotted name Spring Boot would ignore: refused, naming the forms that bind.
     */
    @Test
    void aDottedKeyWithoutBracketsInSpringApplicationJsonIsRefusedNamingTheFormsThatBind() {
        StandardEnvironment environment = environment(Map.of("SPRING_APPLICATION_JSON",
                "{\"extraction\":{\"topology\":{\"remote-urls\":{\"library.shelves\":\"http://shelves:3000\"}}}}"));
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageEndingWith(" is not read: Spring Boot binds a remote-urls key with '.' (a nested module's name)"
                        + " only in brackets, as extraction.topology.remote-urls[library.shelves] (from the environment:"
                        + " SPRING_APPLICATION_JSON={\"extraction.topology.remote-urls[library.shelves]\":\"<url>\"})");
    }

    /** What a refusal tells the user to set, set as it says, gives the module its URL: as a property and as a variable. */
    @ParameterizedTest
    @ValueSource(strings = {"users", "v2", "library.shelves", "admin.audit.exports"})
    void theFormsTheRunTimeNamesBindTheModule(String module) {
        URI url = URI.create("http://" + module.replace('.', '-') + ":3000");
        MockEnvironment properties = new MockEnvironment().withProperty(RemoteUrlSetting.property(module), url.toString());
        assertThat(TopologySettings.from(properties).remoteUrls()).containsExactly(Map.entry(module, url));

        String variable = RemoteUrlSetting.environment(module).replace("<url>", url.toString());
        int equals = variable.indexOf('=');
        StandardEnvironment environment = environment(Map.of(variable.substring(0, equals), variable.substring(equals + 1)));
        assertThat(TopologySettings.from(environment).remoteUrls()).as(variable).containsExactly(Map.entry(module, url));
    }
}
