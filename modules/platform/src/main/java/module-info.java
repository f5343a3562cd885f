/**
 * The forum's shared kernel: what every module needs and no module owns.
 * Its root package is plain Java (domain outcomes, validation, paging rules, the module marker) so that
 * module APIs may use it; {@code web}, {@code data}, {@code topology} and {@code remote} hold the Spring
 * pieces every process runs.
 */
open module forum.platform {
    requires transitive spring.web;
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
    requires spring.boot.tomcat;
    requires spring.data.commons;
    requires spring.data.relational;
    requires spring.data.jdbc;
    requires spring.modulith.api;
    requires flyway.core;
    requires com.zaxxer.hikari;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.retry;
    requires org.apache.tomcat.embed.core;
    requires tools.jackson.databind;
    requires tools.jackson.core;
    requires java.sql;
    requires java.desktop;
    requires java.net.http;
    requires org.slf4j;
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
    exports forum.platform.topology;
    exports forum.platform.remote;
    exports forum.platform.security;
}
