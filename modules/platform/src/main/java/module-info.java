/**
 * The forum's shared kernel: what every module needs and no module owns.
 * Its root package is plain Java (domain outcomes, validation, paging rules) so that module APIs may use it;
 * {@code web} and {@code data} hold the Spring pieces every process runs.
 */
open module forum.platform {
    requires transitive spring.web;
    requires spring.webmvc;
    requires spring.context;
    requires spring.core;
    requires spring.beans;
    requires spring.jdbc;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.boot.jackson;
    requires spring.modulith.api;
    requires flyway.core;
    requires org.apache.tomcat.embed.core;
    requires tools.jackson.databind;
    requires tools.jackson.core;
    requires java.sql;
    requires org.slf4j;

    exports forum.platform;
    exports forum.platform.web;
    exports forum.platform.data;
}
