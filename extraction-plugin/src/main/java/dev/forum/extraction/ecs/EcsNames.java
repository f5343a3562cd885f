package dev.forum.extraction.ecs;

import java.util.Locale;

/** Every name the stacks, the task definitions and deploy.sh agree on, derived from the application's name. */
final class EcsNames {

    private final String app;

    EcsNames(String app) {
        this.app = app;
    }

    String app() {
        return app;
    }

    String baseStack() {
        return app + "-base";
    }

    String serviceStack(String service) {
        return app + "-" + service;
    }

    /** The template file of a stack in the rendered folder. */
    static String baseTemplate() {
        return "base.json";
    }

    static String serviceTemplate(String service) {
        return "service-" + service + ".json";
    }

    String export(String name) {
        return baseStack() + "-" + name;
    }

    String cluster() {
        return app;
    }

    String repository(String service) {
        return app + "/" + service;
    }

    String logGroup(String service) {
        return "/ecs/" + app + "/" + service;
    }

    String family(String service) {
        return app + "-" + service;
    }

    String executionRole(String service) {
        return app + "-" + service + "-execution";
    }

    String taskRole(String service) {
        return app + "-" + service + "-task";
    }

    /** The Secrets Manager secret of a module's runtime role: JSON with {@code username} and {@code password}. */
    String databaseSecret(String module) {
        return app + "/db/" + module;
    }

    /** The Secrets Manager secret of a module's owner role (runs its migrations). */
    String ownerSecret(String module) {
        return app + "/db/" + module + "-owner";
    }

    /** A module's runtime role (reads and writes rows), as {@code deploy/postgres/module-roles.sql} creates it. */
    String databaseRole(String module) {
        return (app + "_" + module).replace('-', '_');
    }

    /** A module's owner role (owns its schema, runs its migrations). */
    String ownerRole(String module) {
        return databaseRole(module) + "_owner";
    }

    /** The secret holding the token signing keys (a JWK set with private keys), filled once by deploy.sh. */
    String signingKeysSecret() {
        return app + "/jwt/signing-keys";
    }

    /** The KMS key that encrypts every secret of the application. */
    String secretsKeyAlias() {
        return "alias/" + app + "/secrets";
    }

    /** The stack of the database bootstrap task. */
    String bootstrapStack() {
        return app + "-" + BOOTSTRAP;
    }

    static String bootstrapTemplate() {
        return BOOTSTRAP + ".json";
    }

    /** The stack of a service's own database (its RDS instance, alarms and move tasks): kept when the service goes. */
    String ownDatabaseStack(String service) {
        return app + "-" + service + "-db";
    }

    static String ownDatabaseTemplate(String service) {
        return "database-" + service + ".json";
    }

    /** An export of a service's own-database stack. */
    String ownDatabaseExport(String service, String name) {
        return ownDatabaseStack(service) + "-" + name;
    }

    /** The data move's image repository (one image for every module: the data-move jar and the modules' migrations). */
    static final String MOVE = "data-move";

    /** The bootstrap task's name: its family, log group and image repository are named after it. */
    static final String BOOTSTRAP = "db-bootstrap";

    /** The S3 bucket of the load balancers' access logs and the VPC's flow logs (globally unique: account and region). */
    Object logBucket() {
        return Cfn.sub(app + "-logs-${AWS::AccountId}-${AWS::Region}");
    }

    String databaseName() {
        return app.replace('-', '_');
    }

    /** {@code content-api} becomes {@code ContentApi}: logical ids are letters and digits only. */
    static String id(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /**
     * The environment variable of a module's datasource setting under the application's
     * {@link EcsSettings#settingsPrefix}: for the forum's {@code forum.datasource.posts.password}
     * {@code FORUM_DATASOURCE_POSTS_PASSWORD}, {@code FORUM_DATASOURCE_POSTS_OWNER_PASSWORD} for
     * {@code .owner.password}. Spring Boot's binding drops a name's dashes ({@code content-api} is {@code CONTENTAPI}).
     *
     * @param setting the setting's variable part, e.g. {@code OWNER_PASSWORD}
     */
    static String datasourceVariable(EcsSettings settings, String module, String setting) {
        return settings.applicationVariable("datasource." + module) + "_" + setting;
    }

    /** A module's name in the bootstrap task's variables: {@code content-api} is {@code CONTENT_API}. */
    static String shellName(String module) {
        return module.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
