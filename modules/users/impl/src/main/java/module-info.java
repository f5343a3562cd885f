/**
 * The users module's implementation. It exports nothing: other modules reach users only through
 * {@code forum.users.api}. Open so that Spring can reflect on it.
 */
open module forum.users {
    requires forum.users.api;
    requires forum.platform;
    requires spring.context;
    requires spring.beans;
    requires spring.tx;
    requires spring.jdbc;
    requires spring.data.commons;
    requires spring.data.relational;
    requires spring.data.jdbc;
    requires java.sql;
    requires org.slf4j;
    requires spring.boot;
    requires spring.security.crypto;
    requires spring.security.oauth2.core;
    requires spring.security.oauth2.jose;
    requires spring.boot.security.oauth2.resource.server;
    requires com.nimbusds.jose.jwt;
}
