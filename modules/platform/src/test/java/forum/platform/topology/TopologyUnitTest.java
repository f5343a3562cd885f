package forum.platform.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class TopologyUnitTest {

    interface FakeUsersApi {
    }

    interface FakeThreadsApi {
    }

    interface FakePostsApi {
    }

    private static final Map<String, ModuleContract> KNOWN = known();

    private static Map<String, ModuleContract> known() {
        Map<String, ModuleContract> known = new LinkedHashMap<>();
        known.put("users", new ModuleContract("users", FakeUsersApi.class, "/api/users"));
        known.put("threads", new ModuleContract("threads", FakeThreadsApi.class, "/api/threads"));
        known.put("posts", new ModuleContract("posts", FakePostsApi.class, "/api/posts"));
        return known;
    }

    private static final Set<String> ALL = Set.of("users", "threads", "posts");

    private static TopologySettings settings(Set<String> local, String baseUrl, Map<String, String> urls) {
        Map<String, URI> remoteUrls = new LinkedHashMap<>();
        urls.forEach((module, url) -> remoteUrls.put(module, URI.create(url)));
        return new TopologySettings(local, baseUrl == null ? null : URI.create(baseUrl), remoteUrls,
                Duration.ofMillis(250), Duration.ofMillis(800));
    }

    private static InvalidTopologyException refusal(TopologySettings settings, Set<String> implemented) {
        Throwable thrown = catchThrowable(() -> Topology.resolve(settings, KNOWN, implemented));
        assertThat(thrown).isInstanceOf(InvalidTopologyException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n").doesNotContain("\r");
        return (InvalidTopologyException) thrown;
    }

    // --- resolving -------------------------------------------------------------------------------

    @Test
    void withoutLocalModulesEveryImplementedModuleIsLocal() {
        Topology topology = Topology.resolve(settings(Set.of(), null, Map.of()), KNOWN, ALL);

        assertThat(topology.localModules()).containsExactlyInAnyOrder("users", "threads", "posts");
        assertThat(topology.remoteModules()).isEmpty();
        assertThat(topology.isLocal("users")).isTrue();
        assertThat(topology.isLocal("posts")).isTrue();
        assertThat(topology.contract("threads").api()).isEqualTo(FakeThreadsApi.class);
    }

    @Test
    void withoutLocalModulesTheModulesWithoutImplementationAreRemote() {
        Topology topology = Topology.resolve(settings(Set.of(), "http://alb", Map.of()), KNOWN, Set.of("posts"));

        assertThat(topology.localModules()).containsExactly("posts");
        assertThat(topology.remoteModules()).containsOnly(
                Map.entry("users", URI.create("http://alb")),
                Map.entry("threads", URI.create("http://alb")));
    }

    @Test
    void remoteModulesUseTheirOwnUrlOverTheBaseUrl() {
        Topology topology = Topology.resolve(
                settings(Set.of("posts"), "http://alb.example.com", Map.of("users", "http://users:3000")), KNOWN, ALL);

        assertThat(topology.localModules()).containsExactly("posts");
        assertThat(topology.isLocal("posts")).isTrue();
        assertThat(topology.isLocal("users")).isFalse();
        assertThat(topology.remoteModules()).containsOnly(
                Map.entry("users", URI.create("http://users:3000")),
                Map.entry("threads", URI.create("http://alb.example.com")));
    }

    @Test
    void onlyTheNamedModulesAreLocalEvenIfMoreAreImplemented() {
        Topology topology = Topology.resolve(settings(Set.of("users", "threads"), null,
                Map.of("posts", "https://posts.example.com")), KNOWN, ALL);

        assertThat(topology.localModules()).containsExactlyInAnyOrder("users", "threads");
        assertThat(topology.remoteModules()).containsOnly(Map.entry("posts", URI.create("https://posts.example.com")));
    }

    @Test
    void aUrlOfALocalModuleIsIgnored() {
        Topology topology = Topology.resolve(settings(Set.of(), null, Map.of("users", "http://users:3000")), KNOWN, ALL);

        assertThat(topology.remoteModules()).isEmpty();
        assertThat(topology.isLocal("users")).isTrue();
    }

    @Test
    void theResolvedTopologyKeepsItsSettings() {
        TopologySettings settings = settings(Set.of(), null, Map.of());
        assertThat(Topology.resolve(settings, KNOWN, ALL).settings()).isSameAs(settings);
    }

    // --- refusals --------------------------------------------------------------------------------

    @Test
    void refusesAnUnknownLocalModuleAndListsTheKnownOnes() {
        InvalidTopologyException refused = refusal(settings(Set.of("users", "comments"), null, Map.of()), ALL);

        assertThat(refused).hasMessage("forum.topology.local-modules names unknown module 'comments';"
                + " the modules are: posts, threads, users");
    }

    @Test
    void refusesALocalModuleWhoseImplementationIsMissing() {
        InvalidTopologyException refused = refusal(settings(Set.of("users"), "http://alb", Map.of()), Set.of("posts"));

        assertThat(refused).hasMessage("Module 'users' is set to run here (forum.topology.local-modules)"
                + " but its implementation is not on the class path; run it where it is, or add its jar");
    }

    @Test
    void refusesAnUnknownModuleInRemoteUrls() {
        InvalidTopologyException refused = refusal(settings(Set.of(), "http://alb", Map.of("comments", "http://c")), ALL);

        assertThat(refused).hasMessage("forum.topology.remote-urls names unknown module 'comments';"
                + " the modules are: posts, threads, users");
    }

    @Test
    void refusesARemoteModuleWithoutUrlAndNamesEveryWayToGiveOne() {
        InvalidTopologyException refused = refusal(settings(Set.of("posts"), null, Map.of("threads", "http://threads")), ALL);

        assertThat(refused).hasMessageStartingWith("Module 'users' is remote but has no URL: set ")
                .hasMessageContaining("forum.topology.remote-base-url (FORUM_TOPOLOGY_REMOTE_BASE_URL)")
                .hasMessageContaining(" or forum.topology.remote-urls.users (");
        assertThat(perModuleVariable(refused)).as("the per-module environment variable it names").endsWith("_USERS");
    }

    /** The per-module environment variable a "no URL" refusal tells the operator to set. */
    private static String perModuleVariable(InvalidTopologyException refused) {
        Matcher variable = Pattern.compile("\\b(FORUM_TOPOLOGY_REMOTE_?URLS_[A-Z0-9_]+)\\b").matcher(refused.getMessage());
        assertThat(variable.find()).as("a FORUM_TOPOLOGY_REMOTE..URLS_<MODULE> variable in: " + refused.getMessage()).isTrue();
        return variable.group(1);
    }

    @Test
    void refusesARelativeUrl() {
        InvalidTopologyException refused = refusal(settings(Set.of("posts"), "alb.example.com", Map.of()), ALL);

        assertThat(refused.getMessage())
                .startsWith("The URL of remote module '")
                .endsWith("' must be an absolute http(s) URL, like http://alb.example.com, not 'alb.example.com'");
    }

    @Test
    void refusesANonHttpUrl() {
        InvalidTopologyException refused = refusal(settings(Set.of("posts", "threads"), "http://alb",
                Map.of("users", "ftp://users.example.com")), ALL);

        assertThat(refused).hasMessage("The URL of remote module 'users' must be an absolute http(s) URL,"
                + " like http://alb.example.com, not 'ftp://users.example.com'");
    }

    @Test
    void refusesAnHttpUrlWithoutHost() {
        InvalidTopologyException refused = refusal(settings(Set.of("posts", "threads"), null,
                Map.of("users", "http:users")), ALL);

        assertThat(refused).hasMessageContaining("'users' must be an absolute http(s) URL").hasMessageEndingWith("not 'http:users'");
    }

    @Test
    void refusesAProcessWithoutLocalModule() {
        InvalidTopologyException refused = refusal(settings(Set.of(), "http://alb", Map.of()), Set.of());

        assertThat(refused).hasMessage("No module runs in this process: set forum.topology.local-modules to one or more of:"
                + " posts, threads, users (and put their implementation jars on the class path)");
    }

    @Test
    void anImplementationOfAnUnknownModuleDoesNotMakeAProcessLocal() {
        InvalidTopologyException refused = refusal(settings(Set.of(), "http://alb", Map.of()), Set.of("comments"));

        assertThat(refused).hasMessageStartingWith("No module runs in this process");
    }

    // --- routes ----------------------------------------------------------------------------------

    @Test
    void findsTheModuleOwningARequestPath() {
        Topology topology = Topology.resolve(settings(Set.of(), null, Map.of()), KNOWN, ALL);

        assertThat(topology.moduleOwning("/api/posts/in-thread/1")).map(ModuleContract::name).contains("posts");
        assertThat(topology.moduleOwning("/api/posts")).map(ModuleContract::name).contains("posts");
        assertThat(topology.moduleOwning("/api/users/7")).map(ModuleContract::name).contains("users");
        assertThat(topology.moduleOwning("/api/postsettings")).isEmpty();
        assertThat(topology.moduleOwning("/api")).isEmpty();
        assertThat(topology.moduleOwning("/")).isEmpty();
    }

    @Test
    void aContractOwnsItsPrefixAndWhatIsBelowIt() {
        ModuleContract posts = new ModuleContract("posts", FakePostsApi.class, "/api/posts");

        assertThat(posts.owns("/api/posts")).isTrue();
        assertThat(posts.owns("/api/posts/")).isTrue();
        assertThat(posts.owns("/api/posts/9")).isTrue();
        assertThat(posts.owns("/api/postsettings")).isFalse();
        assertThat(posts.owns("/api/post")).isFalse();
        assertThat(posts.owns("/other/api/posts")).isFalse();
    }

    // --- settings --------------------------------------------------------------------------------

    @Test
    void bindsTheSettingsFromProperties() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("forum.topology.local-modules", " users, threads ")
                .withProperty("forum.topology.remote-base-url", "http://alb.example.com")
                .withProperty("forum.topology.remote-urls.users", "http://u:3000")
                .withProperty("forum.topology.connect-timeout", "100ms")
                .withProperty("forum.topology.read-timeout", "2s");

        TopologySettings settings = TopologySettings.from(environment);

        assertThat(settings.localModules()).containsExactly("users", "threads");
        assertThat(settings.remoteBaseUrl()).isEqualTo(URI.create("http://alb.example.com"));
        assertThat(settings.remoteUrls()).containsExactly(Map.entry("users", URI.create("http://u:3000")));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void settingsDefaultToNothingConfiguredAndShortTimeouts() {
        TopologySettings settings = TopologySettings.from(new MockEnvironment());

        assertThat(settings.localModules()).isEmpty();
        assertThat(settings.remoteBaseUrl()).isNull();
        assertThat(settings.remoteUrls()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void blankLocalModuleNamesAreDropped() {
        MockEnvironment environment = new MockEnvironment().withProperty("forum.topology.local-modules", "posts,, ,");

        assertThat(TopologySettings.from(environment).localModules()).containsExactly("posts");
        assertThat(TopologySettings.localModules(environment)).containsExactly("posts");
    }

    @Test
    void bindsTheSettingsFromEnvironmentVariables() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "FORUM_TOPOLOGY_LOCAL_MODULES", "posts",
                        "FORUM_TOPOLOGY_REMOTE_BASE_URL", "http://alb",
                        "FORUM_TOPOLOGY_REMOTEURLS_USERS", "http://users:3000",
                        "FORUM_TOPOLOGY_READ_TIMEOUT", "1500ms")));

        TopologySettings settings = TopologySettings.from(environment);

        assertThat(settings.localModules()).containsExactly("posts");
        assertThat(settings.remoteBaseUrl()).isEqualTo(URI.create("http://alb"));
        assertThat(settings.remoteUrls()).containsExactly(Map.entry("users", URI.create("http://users:3000")));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theVariableNamedByTheNoUrlRefusalBinds() {
        InvalidTopologyException refused = refusal(settings(Set.of("posts", "threads"), null, Map.of()), ALL);
        String variable = perModuleVariable(refused);
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "http://users:3000")));

        assertThat(TopologySettings.from(environment).remoteUrls())
                .as("binding %s", variable)
                .containsExactly(Map.entry("users", URI.create("http://users:3000")));
    }

    @Test
    void environmentVariablesGiveAWorkingSplitTopology() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "FORUM_TOPOLOGY_LOCAL_MODULES", "posts,threads",
                        "FORUM_TOPOLOGY_REMOTE_BASE_URL", "http://alb")));

        Topology topology = Topology.resolve(TopologySettings.from(environment), KNOWN, ALL);

        assertThat(topology.localModules()).containsExactlyInAnyOrder("posts", "threads");
        assertThat(topology.remoteModules()).isEqualTo(Map.of("users", URI.create("http://alb")));
    }
}
