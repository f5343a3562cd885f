/** The Maven goals: thin adapters from the build's project and session to the other packages. */
package dev.forum.extraction.maven;
