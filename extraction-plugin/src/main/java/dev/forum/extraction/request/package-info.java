/** What the build asked to extract: {@code -Dextract=...} and {@code -Pextract=...}, naming modules or the topology file's services. */
package dev.forum.extraction.request;
