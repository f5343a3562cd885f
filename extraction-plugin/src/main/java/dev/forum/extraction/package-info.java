/**
 * The extraction plugin (goal prefix {@code extract}): packages one or more modules of the forum as a
 * service of their own, a runnable jar and an OCI image, from the same module jars as the monolith.
 * A skeleton for now; the goals arrive with the extraction issue.
 */
package dev.forum.extraction;
