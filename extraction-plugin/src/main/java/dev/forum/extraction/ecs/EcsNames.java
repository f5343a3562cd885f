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

    /** The Secrets Manager secret of a module's database role: JSON with {@code username} and {@code password}. */
    String databaseSecret(String module) {
        return app + "/db/" + module;
    }

    /** A module's database role, as {@code deploy/postgres/module-roles.sql} creates it. */
    String databaseRole(String module) {
        return (app + "_" + module).replace('-', '_');
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

    /** The environment variable of a module's datasource setting: {@code FORUM_DATASOURCE_POSTS_PASSWORD}. */
    static String datasourceVariable(String module, String setting) {
        return "FORUM_DATASOURCE_" + module.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + setting;
    }
}
