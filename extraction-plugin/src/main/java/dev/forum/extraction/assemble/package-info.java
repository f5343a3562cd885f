/**
 * Writes a service: an executable Spring Boot jar (spring-boot-loader-tools' {@code Repackager}) from
 * the application's own classes and the planned libraries, and a contents report.
 */
package dev.forum.extraction.assemble;
