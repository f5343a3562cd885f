/**
 * Reads artifacts' bytecode with ASM, never loading a class: the application targets a newer Java
 * than the JVM Maven (and so this plugin) runs on.
 */
package dev.forum.extraction.scan;
