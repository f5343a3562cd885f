/**
 * The forum's shared kernel: what every module needs and no module owns.
 * Its root package is plain Java (domain outcomes, validation, paging rules, the module marker) so that
 * module APIs may use it; {@code web}, {@code data} and {@code remote} hold the Spring pieces every process
 * runs. Which modules run in a process, and the clients of the others, are extraction-runtime's.
 */
open module forum.platform {
    requires transitive spring.web;
    // Which modules run here, remote modules' clients (the run-time half of extraction); its annotation is used by
    // every module's implementation, hence transitive.
    requires transitive dev.forum.extraction.runtime;
    requires spring.webmvc;
    requires spring.context;
    requires spring.core;
    requires spring.beans;
    requires spring.aop;
    requires spring.jdbc;
    requires spring.tx;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.boot.jackson;
    requires spring.boot.web.server;
    requires spring.boot.webmvc;
    requires spring.boot.actuator;
    requires spring.boot.actuator.autoconfigure;
    // The health endpoint's groups and contributors: which paths below /actuator/health it has (web.HealthPaths).
    requires spring.boot.health;
    requires spring.boot.restclient;
    requires spring.boot.tomcat;
    requires spring.data.commons;
    requires spring.data.relational;
    requires spring.data.jdbc;
    requires spring.modulith.api;
    requires flyway.core;
    requires com.zaxxer.hikari;
    requires com.github.benmanes.caffeine;
    requires org.apache.tomcat.embed.core;
    requires tools.jackson.databind;
    requires tools.jackson.core;
    requires java.sql;
    requires java.desktop;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    // Elastic's ECS encoder (no module name of its own: named after its jar).
    requires logback.ecs.encoder;
    requires spring.security.core;
    requires spring.security.config;
    requires spring.security.web;
    requires spring.security.oauth2.core;
    requires spring.security.oauth2.jose;
    requires spring.security.oauth2.resource.server;
    requires spring.boot.security.oauth2.resource.server;
    requires com.nimbusds.jose.jwt;

    exports forum.platform;
    exports forum.platform.web;
    exports forum.platform.web.problem;
    exports forum.platform.web.error;
    exports forum.platform.data;
    exports forum.platform.remote;
    exports forum.platform.security;
    exports forum.platform.logging;
    exports forum.platform.settings;
}
