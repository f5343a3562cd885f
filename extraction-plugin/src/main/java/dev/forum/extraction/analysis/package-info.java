/**
 * Reads the application's modules from Spring Modulith's own model in a JVM of the application's Java version:
 * which versions are supported ({@link dev.forum.extraction.analysis.SupportedVersions}), the forked analysis
 * ({@link dev.forum.extraction.analysis.AnalysisFork}, running {@code dev.forum.extraction.analyzer}) and its JSON
 * ({@link dev.forum.extraction.analysis.ModelJson}).
 */
package dev.forum.extraction.analysis;
