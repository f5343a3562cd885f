package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * {@link ApplicationProperties} reads what Spring Boot itself (the version pinned in the root pom) reads from the same
 * classes folder: the same active profiles and, for every key of the files, the same value, with and without the
 * deployment's {@code SPRING_PROFILES_ACTIVE}: profile files, {@code config/}, imports, placeholders (a value Spring
 * refuses, a placeholder it cannot resolve, is unknown to the reader) and YAML lists of mappings.
 */
class SpringBootAgreementTest {

    @TempDir
    Path classes;

    /** A classes folder: file name to text, the keys to compare, and the deployments' profiles to try. */
    record Fixture(String name, Map<String, String> files, List<String> keys) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Each deployment's profiles: none set, then each list as SPRING_PROFILES_ACTIVE. */
    private static final List<List<String>> DEPLOYMENTS = List.of(List.of(), List.of("prod"), List.of("dev"),
            List.of("prod", "eu"), List.of("eu", "prod"));

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("precedence", Map.of(
                        "application.yml", "x: yml\ny: yml\nw: yml\n",
                        "application.yaml", "x: yaml\nv: yaml\n",
                        "application.properties", "x=properties\n",
                        "application-prod.yml", "y: prod-yml\nz: prod-yml\n",
                        "application-prod.properties", "z=prod-properties\n",
                        "application-eu.yaml", "y: eu\nw: eu\n",
                        "application-default.yml", "d: default-profile\n"),
                        List.of("x", "y", "z", "w", "v", "d")),
                new Fixture("own profiles", Map.of(
                        "application.properties", "spring.profiles.active=dev\nspring.profiles.include=common\n"
                                + "spring.profiles.group.prod=prod-db,prod-mq\n",
                        "application.yml", "spring:\n  profiles:\n    include:\n      - yaml-included\n    group:\n"
                                + "      eu: [eu-west]\n",
                        "application-dev.yml", "who: dev\n",
                        "application-common.yml", "who: common\ncommon: here\n",
                        "application-yaml-included.yml", "who: yaml-included\nyaml: here\n",
                        "application-prod-db.properties", "who=prod-db\n",
                        "application-prod-mq.yml", "mq: here\n",
                        "application-eu-west.yml", "who: eu-west\n"),
                        List.of("who", "common", "yaml", "mq")),
                new Fixture("documents", Map.of(
                        "application.yml", """
                                x: first
                                y: first
                                ---
                                spring:
                                  config:
                                    activate:
                                      on-profile:
                                        - prod
                                        - staging
                                x: prod-or-staging
                                ---
                                spring.config.activate.on-profile: "!prod"
                                y: not-prod
                                ---
                                spring.config.activate.on-profile: prod & eu
                                z: prod-and-eu
                                ---
                                spring.config.activate.on-profile: default
                                d: default-profile
                                ---
                                spring.config.activate.on-cloud-platform: kubernetes
                                x: kubernetes
                                """,
                        "application.properties", "p=1\nq=1\n#---\nspring.config.activate.on-profile=prod\np=2\n",
                        "application-prod.yml", "q: prod-file\n"),
                        List.of("x", "y", "z", "d", "p", "q")),
                new Fixture("default profile", Map.of(
                        "application.yml", "spring.profiles.default: local\nx: base\n",
                        "application-local.yml", "x: local\n",
                        "application-default.yml", "x: default\n"),
                        List.of("x")),
                new Fixture("user8", Map.of(
                        "application.yml", """
                                spring:
                                  modulith:
                                    runtime:
                                      flyway-enabled: true
                                    events:
                                      republish-outstanding-events-on-restart: false
                                server:
                                  port: 8080
                                """,
                        "application-prod.yml", """
                                spring:
                                  modulith:
                                    events:
                                      republish-outstanding-events-on-restart: true
                                      staleness:
                                        published: PT1H
                                server:
                                  port: 9090
                                """),
                        List.of("spring.modulith.events.republish-outstanding-events-on-restart",
                                "spring.modulith.events.staleness.published", "spring.modulith.runtime.flyway-enabled",
                                "server.port")),
                new Fixture("config folder", Map.of(
                        "application.yml", "x: root\ny: root\nz: root\nw: root\n",
                        "application.properties", "x=root-properties\nv=root-properties\n",
                        "config/application.yml", "x: config\nspring.profiles.active: dev\n",
                        "config/application.yaml", "v: config-yaml\nw: config-yaml\n",
                        "application-prod.properties", "y=prod\nz=prod\n",
                        "config/application-prod.yml", "z: config-prod\n",
                        "config/application-eu.yml", "y: config-eu\n",
                        "application-eu.yml", "w: eu\n",
                        "config/application-dev.yml", "d: config-dev\n"),
                        List.of("x", "y", "z", "w", "v", "d")),
                new Fixture("imports", Map.ofEntries(
                        Map.entry("application.yml", """
                                spring.config.import: classpath:extra.yml, optional:classpath:/missing.yml, optional:classpath:more/
                                x: app
                                p: app-yml
                                """),
                        Map.entry("application.properties", "p=app-properties\n"),
                        Map.entry("extra.yml", "x: extra\ny: extra\np: extra\n"
                                + "spring.config.import: optional:nested.properties\n"),
                        Map.entry("nested.properties", "y=nested-on-the-class-path\n"),
                        Map.entry("extra-prod.yml", "x: extra-prod\n"),
                        Map.entry("more/application.yml", "m: more\nn: more\nspring.config.import: deeper.properties\n"),
                        Map.entry("more/deeper.properties", "n=deeper\n"),
                        Map.entry("more/application-eu.properties", "m=more-eu\n"),
                        Map.entry("config/application.yml", "c: config\n"),
                        Map.entry("application-prod.yml", "spring.config.import: optional:classpath:prod-extra.properties\n"
                                + "q: prod\n"),
                        Map.entry("prod-extra.properties", "q=prod-extra\nx=prod-extra\n")),
                        List.of("x", "y", "p", "n", "m", "c", "q")),
                new Fixture("placeholders", Map.of(
                        "application.yml", """
                                server.port: 8080
                                host: ${db.host:localhost}
                                url: jdbc:postgresql://${host}:${db.port:5432}/forum
                                port-again: ${server.port}
                                nested: ${a.b:${c.d:deep}}
                                unknown: prefix-${NOT_SET_ANYWHERE}
                                self: ${self}
                                from-environment: ${FORUM_DB_HOST:db}
                                """,
                        "application-prod.yml", "db.host: prod-db\nc.d: prod-deep\n"),
                        List.of("host", "url", "port-again", "nested", "unknown", "self", "from-environment")),
                new Fixture("lists of maps", Map.of(
                        "application.yml", """
                                servers:
                                  - name: a
                                    port: 1
                                    tags: [x, y]
                                  - name: b
                                    nested:
                                      deep: 2
                                  - plain
                                matrix:
                                - id: 1
                                  roles:
                                  - r
                                - id: 2
                                """,
                        "application.properties", "list[0].b=1\nlist[1].b=2\n",
                        "application-prod.yml", "servers:\n  - name: p\n"),
                        List.of("servers[0].name", "servers[0].port", "servers[0].tags[0]", "servers[0].tags[1]",
                                "servers[1].name", "servers[1].nested.deep", "servers[2]", "matrix[0].id",
                                "matrix[0].roles[0]", "matrix[1].id", "list[0].b", "list[1].b")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theReaderAgreesWithSpringBoot(Fixture fixture) throws IOException {
        for (Map.Entry<String, String> file : fixture.files().entrySet()) {
            Files.createDirectories(classes.resolve(file.getKey()).getParent());
            Files.writeString(classes.resolve(file.getKey()), file.getValue());
        }
        for (List<String> deployment : DEPLOYMENTS) {
            StandardEnvironment spring = springBoot(deployment);
            ApplicationProperties ours = ApplicationProperties.read(classes, deployment);
            String where = fixture + " with SPRING_PROFILES_ACTIVE=" + String.join(",", deployment);
            List<String> springProfiles = Arrays.asList(spring.getActiveProfiles().length > 0 ? spring.getActiveProfiles()
                    : spring.getDefaultProfiles());
            assertEquals(springProfiles, ours.profiles(), where);
            for (String key : fixture.keys()) {
                assertEquals(springValue(spring, key), ours.getProperty(key), where + ": " + key);
            }
        }
    }

    /** Spring's value of {@code key}; null where Spring refuses it (a placeholder it cannot resolve): unknown. */
    private static String springValue(StandardEnvironment spring, String key) {
        try {
            return spring.getProperty(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The environment Spring Boot makes from the classes folder, with the deployment's profiles as its environment. */
    private StandardEnvironment springBoot(List<String> profiles) throws MalformedURLException {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> variables = profiles.isEmpty() ? Map.of()
                : Map.of("SPRING_PROFILES_ACTIVE", String.join(",", profiles));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(new FixtureLoader(classes)),
                new DefaultBootstrapContext());
        return environment;
    }

    /** The classes folder as the class path's only settings files: nothing of the test's own class path shadows them. */
    private static final class FixtureLoader extends URLClassLoader {

        FixtureLoader(Path classes) throws MalformedURLException {
            super(new URL[] {classes.toUri().toURL()}, SpringBootAgreementTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null || name.startsWith("application") || name.startsWith("config/") ? own
                    : super.getResource(name);
        }
    }
}
