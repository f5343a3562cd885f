package dev.forum.extraction.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables and secret names a service's task gets that do not depend on where it is rendered: the
 * stack's task definition ({@link ServiceTask}) and the hand-registered one ({@link TaskDefinitionJson}) take them
 * from here, so that both say the same.
 *
 * <ul>
 * <li>{@code SPRING_PROFILES_ACTIVE} only when {@code extract.ecs.profile} is set;</li>
 * <li>the ports;</li>
 * <li>the token settings only when the application has a module that issues tokens ({@link EcsSettings#tokens});</li>
 * <li>{@code SERVER_FORWARDHEADERSSTRATEGY=native} and {@code SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES} matching the
 * addresses of the load balancers' subnets only ({@link Network#loadBalancerCidrs}: the public subnets and the
 * internal load balancer's, where no task is placed): every service is behind the load balancers, whose
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the application must trust (it trusts no proxy by itself),
 * and a task trusts no other task;</li>
 * <li>the database credentials: per module ({@code <PREFIX>_DATASOURCE_<MODULE>_*}, the forum's
 * {@code FORUM_DATASOURCE_<MODULE>_*}, {@link EcsSettings#settingsPrefix}) with
 * {@link EcsSettings#moduleDatabases}, else Spring's one datasource ({@code SPRING_DATASOURCE_USERNAME},
 * {@code _PASSWORD}, {@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE}), each only for an application that makes a
 * JDBC DataSource ({@link DatabaseClients#jdbc});</li>
 * <li>for an application that makes an R2DBC ConnectionFactory ({@link DatabaseClients#r2dbc}), Spring Boot's R2DBC
 * settings: {@code SPRING_R2DBC_URL} and, without {@link EcsSettings#moduleDatabases}, {@code SPRING_R2DBC_USERNAME}
 * and {@code _PASSWORD} from the database's admin secret, as the datasource's.</li>
 * </ul>
 */
final class TaskVariables {

    /**
     * extraction-runtime's settings ({@code extraction.topology.*}, its {@code TopologySettings}) as environment variables:
     * the run-time library's own names, the same in every application, renamed only with the library.
     */
    static final String RUNTIME_LOCAL_MODULES = "EXTRACTION_TOPOLOGY_LOCAL_MODULES";
    static final String RUNTIME_REMOTE_BASE_URL = "EXTRACTION_TOPOLOGY_REMOTE_BASE_URL";

    /**
     * The token signing keys' variable ({@code <prefix>.security.jwt.signing-keys}, the forum's
     * {@code FORUM_SECURITY_JWT_SIGNINGKEYS}), for the issuer module's processes only. Named as every other
     * application variable is ({@link EcsSettings#applicationVariable}): a name that drops the prefix's dashes but
     * turns the property's into underscores ({@code SHOPAPP_SECURITY_JWT_SIGNING_KEYS}) binds to nothing.
     */
    static String signingKeys(EcsSettings settings) {
        return settings.applicationVariable("security.jwt.signing-keys");
    }

    private TaskVariables() {
    }

    /**
     * The run time's remote base URL ({@link #RUNTIME_REMOTE_BASE_URL}): the internal load balancer's URL followed by
     * the application's context path, since the run time calls a remote module at this URL followed by the contract's
     * path and adds no context path itself.
     *
     * @param balancerUrl the internal load balancer's URL, as the template refers to it ({@code Fn::ImportValue})
     * @return {@code balancerUrl} itself without a context path, else an {@code Fn::Join} of the two
     */
    static Object remoteBaseUrl(EcsSettings settings, Object balancerUrl) {
        return settings.contextPath().isEmpty() ? balancerUrl : Cfn.join("", balancerUrl, settings.contextPath());
    }

    /** Name to value, in order: the profile (when set) and the ports. */
    static Map<String, String> head(EcsSettings settings) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (settings.springProfile() != null) {
            variables.put("SPRING_PROFILES_ACTIVE", settings.springProfile());
        }
        // The port the listener rules forward to, whatever port the image was built with (its SERVER_PORT).
        variables.put("SERVER_PORT", String.valueOf(settings.containerPort()));
        variables.put("MANAGEMENT_SERVER_PORT", String.valueOf(settings.managementPort()));
        return variables;
    }

    /** Name to value, in order: the token settings (when the application issues tokens), then the trusted proxies. */
    static Map<String, String> tail(EcsSettings settings) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (settings.tokens()) {
            EcsSettings.Identity identity = settings.identity();
            // The issuer module's JWK set is at the remote base URL + this path where it is remote.
            variables.put(settings.applicationVariable("security.jwt.issuer-module"), identity.issuerModule());
            variables.put(settings.applicationVariable("security.jwt.jwks-path"), identity.jwkSetPath());
            // e.g. FORUM_SECURITY_JWT_ISSUERMODULE, FORUM_SECURITY_JWT_JWKSPATH
            variables.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", identity.issuer());
            variables.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", identity.audience());
        }
        variables.put("SERVER_FORWARDHEADERSSTRATEGY", "native");
        variables.put("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", Network.internalProxies(Network.loadBalancerCidrs()));
        return variables;
    }

    /**
     * What the goal itself sets a variable to in a service's task, for a variable of the service's own
     * ({@code environment:} in the topology file) of that name, which would otherwise be set twice. The names follow
     * {@link #head}, {@link #tail}, the datasource's and the module credentials' of {@link ServiceTask}; the run time's
     * {@code EXTRACTION_TOPOLOGY_*} the topology file refuses itself.
     *
     * @param name            the service's variable
     * @param database        how the tasks read the database ({@link EcsSettings#databaseClients})
     * @param moduleDatabases whether each module has credentials of its own ({@link EcsSettings#moduleDatabases})
     * @param settingsPrefix  the application's settings' prefix ({@link EcsSettings#settingsPrefix})
     * @param profile         whether {@code extract.ecs.profile} is set
     * @param tokens          whether the application issues tokens ({@code extract.ecs.tokenIssuerModule} set)
     * @return what the goal sets it to and from which setting ({@code the database's JDBC URL}); empty when the goal
     *         leaves the name to the service
     */
    static Optional<String> setByGoal(String name, DatabaseClients database, boolean moduleDatabases, String settingsPrefix,
            boolean profile, boolean tokens) {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("SERVER_PORT", "the port the listener rules forward to (extract.ecs.containerPort)");
        set.put("MANAGEMENT_SERVER_PORT", "Actuator's port the health checks ask (extract.ecs.managementPort)");
        set.put("SERVER_FORWARDHEADERSSTRATEGY", "native, to trust the load balancers' X-Forwarded-* headers");
        set.put("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", "the load balancers' subnets, the only proxies trusted");
        if (profile) {
            set.put("SPRING_PROFILES_ACTIVE", "the profiles of every task (extract.ecs.profile)");
        }
        if (database.jdbc()) {
            set.put("SPRING_DATASOURCE_URL", "the database's JDBC URL");
            if (!moduleDatabases) {
                set.put("SPRING_DATASOURCE_USERNAME", "the database's admin user");
                set.put("SPRING_DATASOURCE_PASSWORD", "the database's admin password, from its secret");
                set.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "the topology's database.pool-size");
            }
        }
        if (database.r2dbc()) {
            set.put(R2DBC_URL, "the database's R2DBC URL");
            if (!moduleDatabases) {
                set.put("SPRING_R2DBC_USERNAME", "the database's admin user");
                set.put("SPRING_R2DBC_PASSWORD", "the database's admin password, from its secret");
            }
        }
        if (tokens) {
            for (String property : List.of("security.jwt.issuer-module", "security.jwt.jwks-path",
                    "security.jwt.signing-keys")) {
                set.put(EcsSettings.applicationVariable(settingsPrefix, property), "the token settings"
                        + " (extract.ecs.tokenIssuerModule)");
            }
            set.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "the tokens' issuer (extract.ecs.tokenIssuer)");
            set.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "the tokens' audience"
                    + " (extract.ecs.tokenAudience)");
        }
        if (set.containsKey(name)) {
            return Optional.of(set.get(name));
        }
        String modules = EcsSettings.applicationVariable(settingsPrefix, "datasource") + "_";
        if (database.any() && moduleDatabases && name.startsWith(modules)
                && name.matches(".+_(USERNAME|PASSWORD|MAXIMUMPOOLSIZE|MOVED_URL)")) {
            return Optional.of("a module's database credentials or pool size (extract.ecs.moduleDatabases)");
        }
        return Optional.empty();
    }

    /** The pool size variable of {@code module}, or of the one datasource ({@code module} is then ignored). */
    static String poolSize(EcsSettings settings, String module) {
        return settings.moduleDatabases() ? EcsNames.datasourceVariable(settings, module, "MAXIMUMPOOLSIZE")
                : "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE";
    }

    /** A module's runtime credentials (user name, password), each with the key of its secret's JSON. */
    static List<Credential> runtime(EcsSettings settings, String module) {
        return List.of(new Credential(EcsNames.datasourceVariable(settings, module, "USERNAME"), "username"),
                new Credential(EcsNames.datasourceVariable(settings, module, "PASSWORD"), "password"));
    }

    /** A module's owner credentials (migrations), each with the key of its secret's JSON. */
    static List<Credential> owner(EcsSettings settings, String module) {
        return List.of(new Credential(EcsNames.datasourceVariable(settings, module, "OWNER_USERNAME"), "username"),
                new Credential(EcsNames.datasourceVariable(settings, module, "OWNER_PASSWORD"), "password"));
    }

    /** A module's credentials on its own database, the runtime role's. */
    static List<Credential> moved(EcsSettings settings, String module) {
        return List.of(new Credential(EcsNames.datasourceVariable(settings, module, "MOVED_USERNAME"), "username"),
                new Credential(EcsNames.datasourceVariable(settings, module, "MOVED_PASSWORD"), "password"));
    }

    /** Spring Boot's R2DBC URL ({@code spring.r2dbc.url}), for an application that reads one. */
    static final String R2DBC_URL = "SPRING_R2DBC_URL";

    /**
     * The credentials of Spring's one datasource and, for R2DBC, its one connection factory, from the database's admin
     * secret (an application with no role per module): {@code SPRING_DATASOURCE_USERNAME} and {@code _PASSWORD} for
     * JDBC ({@link DatabaseClients#jdbc}), {@code SPRING_R2DBC_USERNAME} and {@code _PASSWORD} for R2DBC
     * ({@link DatabaseClients#r2dbc}); empty without a database.
     */
    static List<Credential> single(DatabaseClients database) {
        List<Credential> credentials = new ArrayList<>();
        if (database.jdbc()) {
            credentials.add(new Credential("SPRING_DATASOURCE_USERNAME", "username"));
            credentials.add(new Credential("SPRING_DATASOURCE_PASSWORD", "password"));
        }
        if (database.r2dbc()) {
            credentials.add(new Credential("SPRING_R2DBC_USERNAME", "username"));
            credentials.add(new Credential("SPRING_R2DBC_PASSWORD", "password"));
        }
        return credentials;
    }

    /**
     * A variable read from a JSON secret.
     *
     * @param variable the environment variable
     * @param key      the key in the secret's JSON
     */
    record Credential(String variable, String key) {

        /** ECS's reference to the key in the secret {@code secretArn}: {@code <arn>:<key>::}. */
        String valueFrom(String secretArn) {
            return secretArn + ":" + key + "::";
        }
    }
}
