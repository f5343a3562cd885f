/**
 * The run-time half of module extraction (see the package {@code dev.forum.extraction.runtime}). A named module so
 * that applications built as JPMS modules (the forum's) can require it; applications on the class path use it as a
 * plain jar.
 */
open module dev.forum.extraction.runtime {
    requires transitive spring.context;
    requires transitive spring.web;
    requires spring.core;
    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.boot.http.client;
    requires spring.aop;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.frameworkcommon;
    requires org.slf4j;
    requires tools.jackson.databind;
    requires dev.forum.closestname;
    requires micrometer.observation;
    requires java.net.http;
    requires java.xml;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires static spring.boot.web.server;
    requires static spring.webflux;
    requires static reactor.core;
    requires static org.reactivestreams;
    requires static spring.boot.flyway;
    requires static flyway.core;
    requires static spring.modulith.runtime;
    requires static spring.modulith.core;
    requires static spring.orm;
    requires static jakarta.persistence;
    requires static jakarta.validation;

    exports dev.forum.extraction.runtime;
    exports dev.forum.extraction.runtime.topology;
    exports dev.forum.extraction.runtime.remote;
    exports dev.forum.extraction.runtime.migration;
    exports dev.forum.extraction.runtime.jpa;
    exports dev.forum.extraction.runtime.web;
    exports dev.forum.extraction.runtime.inprocess;
}
