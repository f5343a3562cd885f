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
     * makes the dotted form: refused, naming the spelling the run time keeps.
     */
    @Test
    void aDottedKeyWithoutBracketsInSpringApplicationJsonIsRefusedNamingTheFormsThatBind() {
        StandardEnvironment environment = environment(Map.of("SPRING_APPLICATION_JSON",
                "{\"extraction\":{\"topology\":{\"remote-urls\":{\"library.shelves\":\"http://shelves:3000\"}}}}"));
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageEndingWith(" is refused: the run time takes a remote-urls key with '.' (a nested module's name)"
                        + " in one spelling, brackets, as extraction.topology.remote-urls[library.shelves] (from the environment:"
                        + " SPRING_APPLICATION_JSON={\"extraction.topology.remote-urls[library.shelves]\":\"<url>\"})");
    }

    /** What a refusal tells the user to set, set as it says, gives the module its URL: as a property and as a variable. */
    @ParameterizedTest
    @ValueSource(strings = {"users", "v2", "reading-club", "readingClub", "library.shelves", "admin.audit.exports"})
    void theFormsTheRunTimeNamesBindTheModule(String module) {
        URI url = URI.create("http://" + module.replace('.', '-') + ":3000");
        MockEnvironment properties = new MockEnvironment().withProperty(RemoteUrlSetting.property(module), url.toString());
        assertThat(TopologySettings.from(properties).remoteUrls()).containsExactly(Map.entry(module, url));

        String variable = RemoteUrlSetting.environment(module).replace("<url>", url.toString());
        int equals = variable.indexOf('=');
        StandardEnvironment environment = environment(Map.of(variable.substring(0, equals), variable.substring(equals + 1)));
        assertThat(TopologySettings.from(environment).remoteUrls()).as(variable).containsExactly(Map.entry(module, url));
    }

    /**
     * A module id with {@code -} ({@code @ApplicationModule(id = "reading-club")}): Spring Boot lower-cases a variable's
     * name and splits it at each {@code _}, so no variable in letters, digits and {@code _} gives the key
     * {@code reading-club}. The variable the run time used to name, {@code EXTRACTION_TOPOLOGY_REMOTEURLS_READINGCLUB},
     * gives {@code readingclub}, which the topology refuses naming the form that binds; the plugin's task definitions
     * carry such a module only in {@code EXTRACTION_TOPOLOGY_LOCAL_MODULES}, whose value keeps it.
     */
    @Test
    void aModuleIdWithADashIsNamedByNoVariableOfLettersDigitsAndUnderscores() throws IOException {
        for (String variable : new String[] {"EXTRACTION_TOPOLOGY_REMOTEURLS_READINGCLUB",
                "EXTRACTION_TOPOLOGY_REMOTEURLS_READING_CLUB", "EXTRACTION_TOPOLOGY_REMOTEURLS_READING__CLUB"}) {
            StandardEnvironment environment = environment(Map.of(variable, "http://clubs:3000"));
            try {
                assertThat(TopologySettings.from(environment).remoteUrls()).as(variable).doesNotContainKey("reading-club");
            } catch (InvalidTopologyException refused) {
                assertThat(refused).as(variable).hasMessageContaining("is refused: the run time takes a remote-urls key");
            }
        }
        // A name that keeps the '-' binds it (the README says so), but a POSIX shell cannot export such a name.
        assertThat(TopologySettings.from(environment(Map.of("EXTRACTION_TOPOLOGY_REMOTEURLS_READING-CLUB", "http://clubs:3000")))
                .remoteUrls()).containsOnlyKeys("reading-club");
        assertThat(RemoteUrlSetting.environment("reading-club"))
                .isEqualTo("SPRING_APPLICATION_JSON={\"extraction.topology.remote-urls.reading-club\":\"<url>\"}");

        String clubs = """
                format=1
                modules=reading-club,members
                module.reading-club.packages=org.acme.club
                module.members.packages=org.acme.members
                module.members.calls=reading-club
                """;
        StandardEnvironment followedTheOldAdvice = environment(Map.of("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "members",
                "EXTRACTION_TOPOLOGY_REMOTEURLS_READINGCLUB", "http://clubs:3000"));
        assertThatThrownBy(() -> Topology.resolve(TopologySettings.from(followedTheOldAdvice), TopologyTest.metadata(clubs)))
                .hasMessageContaining("extraction.topology.remote-urls names unknown module 'readingclub' (did you mean"
                        + " reading-club?); the modules are: members, reading-club; the URL of 'reading-club' is"
                        + " extraction.topology.remote-urls.reading-club (from the environment: SPRING_APPLICATION_JSON="
                        + "{\"extraction.topology.remote-urls.reading-club\":\"<url>\"}; a variable"
                        + " EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE> in letters, digits and '_' names only a module of lower-case"
                        + " letters and digits)");
        StandardEnvironment json = environment(Map.of("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "members",
                "SPRING_APPLICATION_JSON", "{\"extraction.topology.remote-urls.reading-club\":\"http://clubs:3000\"}"));
        assertThat(Topology.resolve(TopologySettings.from(json), TopologyTest.metadata(clubs)).remoteModules())
                .containsExactly(Map.entry("reading-club", URI.create("http://clubs:3000")));
        StandardEnvironment local = environment(Map.of("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "reading-club,members"));
        assertThat(TopologySettings.from(local).localModules()).containsExactly("reading-club", "members");
    }

    /** A mistyped map name is answered with a form that binds its key, not the key's dashes and dots as underscores. */
    @Test
    void aMistypedRemoteUrlsNameIsAnsweredWithAFormThatBindsItsKey() {
        StandardEnvironment variables = environment(Map.of("EXTRACTION_TOPOLOGY_REMOTEURL_READING-CLUB", "http://clubs",
                "EXTRACTION_TOPOLOGY_REMOTEURL_LIBRARY_SHELVES", "http://shelves"));
        assertThatThrownBy(() -> TopologySettings.from(variables))
                .hasMessageContaining("the environment variable EXTRACTION_TOPOLOGY_REMOTEURL_READING-CLUB is not a setting of"
                        + " the extraction run time (did you mean SPRING_APPLICATION_JSON="
                        + "{\"extraction.topology.remote-urls.reading-club\":\"<url>\"}?)")
                .hasMessageContaining("the environment variable EXTRACTION_TOPOLOGY_REMOTEURL_LIBRARY_SHELVES is not a setting"
                        + " of the extraction run time (did you mean SPRING_APPLICATION_JSON="
                        + "{\"extraction.topology.remote-urls[library.shelves]\":\"<url>\"}?)");
        MockEnvironment properties = new MockEnvironment().withProperty("extraction.topology.remote-url.library.shelves", "x");
        assertThatThrownBy(() -> TopologySettings.from(properties)).hasMessageStartingWith(
                "extraction.topology.remote-url.library.shelves is not a setting of the extraction run time (did you mean"
                        + " extraction.topology.remote-urls[library.shelves]?)");
    }
}
