package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The settings as the environment gives them: a local-modules setting given but naming nothing is refused, not "all". */
class TopologySettingsTest {

    /** The name Spring Boot maps as environment variables ({@code EXTRACTION_TOPOLOGY_LOCAL_MODULES}). */
    private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    private static final String REFUSAL = "extraction.topology.local-modules (EXTRACTION_TOPOLOGY_LOCAL_MODULES) is set but"
            + " names no module: name the modules that run here, or leave it unset to run every module the jar holds";

    @Test
    void unsetMeansEveryModuleTheJarHolds() {
        assertThat(TopologySettings.from(new MockEnvironment()).localModules()).isEmpty();
    }

    /**
     * The defaults meet a remote module that has just started: its first answers take seconds on a small machine, and
     * a read timeout below that failed the first request across the boundary with a 504 (the module had done the work).
     */
    @Test
    void unsetTimeoutsAreTheDefaultsAndTheReadTimeoutWaitsForAColdProcess() {
        TopologySettings settings = TopologySettings.from(new MockEnvironment());
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5)).isEqualTo(TopologySettings.DEFAULT_READ_TIMEOUT);
        TopologySettings set = TopologySettings.from(new MockEnvironment()
                .withProperty("extraction.topology.read-timeout", "800ms"));
        assertThat(set.readTimeout()).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void anEnvironmentThatIsNotConfigurableIsRefusedInOneLine() {
        StandardEnvironment standard = new StandardEnvironment();
        Environment plain = (Environment) Proxy.newProxyInstance(Environment.class.getClassLoader(),
                new Class<?>[] {Environment.class}, (proxy, method, args) -> method.invoke(standard, args));
        assertThatThrownBy(() -> TopologySettings.from(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TopologySettings reads a ConfigurableEnvironment (its property sources), not a ")
                .hasMessageEndingWith(": pass the application context's environment");
    }

    @Test
    void namesAreStrippedAndBlankOnesSkipped() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", " orders, ,stock ");
        assertThat(TopologySettings.from(environment).localModules()).containsExactly("orders", "stock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,"})
    void givenButNamingNoModuleIsRefused(String value) {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", value);
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void anEmptyEnvironmentVariableIsRefusedToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("EXTRACTION_TOPOLOGY_LOCAL_MODULES", "")));
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void anEmptySettingIsAnsweredWithTheModulesTheJarCanRun() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", ",");
        assertThatThrownBy(() -> TopologySettings.from(environment, List.of("orders", "catalog")))
                .hasMessage("extraction.topology.local-modules (EXTRACTION_TOPOLOGY_LOCAL_MODULES) is set but names no"
                        + " module: name the modules that run here, one or more of: catalog, orders, or leave it unset to"
                        + " run every module the jar holds");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            extraction.topology.local-module   | extraction.topology.local-modules
            extraction.topology.localModule    | extraction.topology.local-modules
            extraction.toplogy.local-modules   | extraction.topology.local-modules
            extraction.topology.remote-base-uri | extraction.topology.remote-base-url
            extraction.topology.read-timout    | extraction.topology.read-timeout
            extraction.topologie.remote-urls.b | extraction.topology.remote-urls.b
            extraction.topology.remote-url.b   | extraction.topology.remote-urls.b
            extraction.toplogy.local-modules[0] | extraction.topology.local-modules[0]
            extraction.warm-up.round           | extraction.warm-up.rounds
            extraction.warmup.path             | extraction.warm-up.paths
            extraction.wram-up.rounds          | extraction.warm-up.rounds
            extraction.inprocess.validaton.enabled | extraction.inprocess.validation.enabled
            extraction.inproces.validation.enabled | extraction.inprocess.validation.enabled
            """)
    void aMistypedPropertyIsRefusedWithTheNameItMeant(String typed, String meant) {
        MockEnvironment environment = new MockEnvironment().withProperty(typed, "catalog");
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith(typed + " is not a setting of the extraction run time (did you mean " + meant + "?): the "
                        + meant.substring(0, meant.indexOf('.', "extraction.".length()) + 1) + "* settings are ");
    }

    /** As when the URLs were bound as URIs: compose's {@code ${LB_URL:-}} writes an empty value for "not set". */
    @Test
    void aBlankRemoteUrlIsUnsetAsBefore() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
                "EXTRACTION_TOPOLOGY_REMOTE_BASE_URL", "", "EXTRACTION_TOPOLOGY_REMOTEURLS_USERS", " ",
                "EXTRACTION_TOPOLOGY_REMOTEURLS_CATALOG", "http://catalog:8080")));
        TopologySettings settings = TopologySettings.from(environment);
        assertThat(settings.remoteBaseUrl()).isNull();
        assertThat(settings.remoteUrls()).containsOnlyKeys("catalog");
    }

    @Test
    void aNameFarFromAnySettingIsRefusedWithTheGroupsNames() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.services", "x");
        assertThatThrownBy(() -> TopologySettings.from(environment)).hasMessage("extraction.topology.services is not a"
                + " setting of the extraction run time: the extraction.topology.* settings are local-modules, remote-base-url,"
                + " remote-urls.<key>, connect-timeout, read-timeout");
    }

    @Test
    void aMistypedEnvironmentVariableIsRefusedWithTheVariableItMeant() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
                "EXTRACTION_TOPOLOGY_LOCAL_MODULE", "catalog", "EXTRACTION_TOPOLOGY_REMOTEURL_USERS", "http://users")));
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("2 mistakes")
                .hasMessageContaining("the environment variable EXTRACTION_TOPOLOGY_LOCAL_MODULE is not a setting of the"
                        + " extraction run time (did you mean EXTRACTION_TOPOLOGY_LOCAL_MODULES?)")
                .hasMessageContaining("the environment variable EXTRACTION_TOPOLOGY_REMOTEURL_USERS is not a setting of the"
                        + " extraction run time (did you mean EXTRACTION_TOPOLOGY_REMOTEURLS_USERS?)");
    }

    @Test
    void everyMistakeIsGivenAtOnce() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", "")
                .withProperty("extraction.warm-up.round", "3");
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .satisfies(e -> assertThat(((InvalidTopologyException) e).refusals()).hasSize(2))
                .hasMessageStartingWith("2 mistakes in the extraction.topology and extraction.warm-up settings:\n"
                        + "extraction.warm-up.round is not");
    }

    @Test
    void theFirstLineNamesOnlyTheGroupsOfTheMistakes() {
        MockEnvironment warmUp = new MockEnvironment().withProperty("extraction.warm-up.round", "3")
                .withProperty("extraction.warmup.path", "/");
        assertThatThrownBy(() -> TopologySettings.from(warmUp))
                .hasMessageStartingWith("2 mistakes in the extraction.warm-up settings:\n");
        MockEnvironment topology = new MockEnvironment().withProperty("extraction.topology.local-module", "a")
                .withProperty("extraction.toplogy.read-timeout", "1s");
        assertThatThrownBy(() -> TopologySettings.from(topology))
                .hasMessageStartingWith("2 mistakes in the extraction.topology settings:\n");
    }

    @Test
    void everyNameTheRunTimeReadsIsTakenInEveryForm() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.topology.local-modules", "a")
                .withProperty("extraction.topology.remoteBaseUrl", "http://lb")
                .withProperty("extraction.topology.remote-urls.users", "http://users")
                .withProperty("extraction.topology.connect-timeout", "1s").withProperty("extraction.topology.read-timeout", "2s")
                .withProperty("extraction.warm-up.rounds", "2").withProperty("extraction.warm-up.suffixes[0]", "/1")
                .withProperty("extraction.warm-up.paths", "/");
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
                "EXTRACTION_TOPOLOGY_LOCAL_MODULES", "a", "EXTRACTION_TOPOLOGY_REMOTEURLS_POSTS", "http://posts",
                "EXTRACTION_TOPOLOGY_REMOTE_BASE_URL", "http://lb", "EXTRACTION_TOPOLOGY_READTIMEOUT", "1s",
                "EXTRACTION_WARMUP_PATHS_0", "/", "EXTRACTION_WARM_UP_ROUNDS", "1")));
        TopologySettings settings = TopologySettings.from(environment);
        assertThat(settings.localModules()).containsExactly("a");
        assertThat(settings.remoteUrls()).containsKeys("users", "posts");
    }

    /**
     * Spring Modulith names a nested module by its package path ({@code library.shelves}): local-modules takes it as
     * written, and remote-urls as a map key in brackets, which keeps its dot (Spring Boot's rule for map keys).
     */
    @Test
    void aDottedModuleIsNamedInLocalModulesAndAsABracketedRemoteUrlsKey() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("extraction.topology.local-modules", "library, library.shelves")
                .withProperty("extraction.topology.remote-urls[admin.audit.exports]", "http://exports");
        TopologySettings settings = TopologySettings.from(environment);
        assertThat(settings.localModules()).containsExactly("library", "library.shelves");
        assertThat(settings.remoteUrls()).containsOnlyKeys("admin.audit.exports");
    }

    /** The run time keeps one spelling of a dotted key: {@code remote-urls.admin.audit.exports} is refused, naming it. */
    @Test
    void aDottedRemoteUrlsKeyWithoutBracketsIsRefusedNamingTheBracketedOne() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("extraction.topology.remote-urls.admin.audit.exports", "http://exports");
        assertThatThrownBy(() -> TopologySettings.from(environment)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.remote-urls.admin.audit.exports is refused: the run time takes a remote-urls"
                        + " key with '.' (a nested module's name) in one spelling, brackets, as"
                        + " extraction.topology.remote-urls[admin.audit.exports] (from the environment: SPRING_APPLICATION_JSON="
                        + "{\"extraction.topology.remote-urls[admin.audit.exports]\":\"<url>\"})");
        StandardEnvironment variables = new StandardEnvironment();
        variables.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
                "EXTRACTION_TOPOLOGY_REMOTEURLS_LIBRARY_SHELVES", "http://shelves")));
        assertThatThrownBy(() -> TopologySettings.from(variables)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage("the environment variable EXTRACTION_TOPOLOGY_REMOTEURLS_LIBRARY_SHELVES is refused: the run time"
                        + " takes a remote-urls key with '.' (a nested module's name) in one spelling, brackets, which a variable named"
                        + " in letters, digits and '_' cannot write: set extraction.topology.remote-urls[library.shelves] as a"
                        + " property, or SPRING_APPLICATION_JSON={\"extraction.topology.remote-urls[library.shelves]\":\"<url>\"}");
    }

    @Test
    void theApplicationsOwnSettingsUnderExtractionAreLeftAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.jobs.batch-size", "10")
                .withProperty("extraction.source.url", "http://x").withProperty("extraction.topology-cache.size", "3")
                .withProperty("extraction.warmup-extra", "1").withProperty("extraction.markup.style", "x");
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT,
                Map.of("EXTRACTION_JOBS_ENABLED", "true")));
        assertThat(TopologySettings.from(environment).localModules()).isEmpty();
    }

    /** What YAML gives for a section with nothing in it, or a profile clearing the map: no setting, no mistake. */
    @Test
    void aGroupOrMapGivenEmptyIsNoMistake() {
        MockEnvironment environment = new MockEnvironment().withProperty("extraction.warm-up", "")
                .withProperty("extraction.topology.remote-urls", "");
        assertThat(TopologySettings.from(environment).remoteUrls()).isEmpty();
        MockEnvironment scalar = new MockEnvironment().withProperty("extraction.topology", "catalog");
        assertThatThrownBy(() -> TopologySettings.from(scalar)).hasMessageStartingWith("extraction.topology is not a setting");
    }
}
