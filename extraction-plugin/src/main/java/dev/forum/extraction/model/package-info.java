/**
 * What the application is made of and what each service holds: pure Java, no Maven types, so it is
 * tested with jars made on the fly.
 */
package dev.forum.extraction.model;
