/** What the build asked to extract: {@code -Dextract=...}, {@code -Pextract=...} and the configured groups. */
package dev.forum.extraction.request;
