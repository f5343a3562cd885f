/**
 * The extraction plugin (goal prefix {@code extract}): packages one or more modules of the forum as a
 * service of their own, from the same module jars as the monolith. {@code scan} reads bytecode,
 * {@code model} decides what a service holds, {@code request} reads what was asked for,
 * {@code assemble} writes the jar, {@code image} builds its OCI image (Jib), {@code maven} is the thin
 * goal that ties them together.
 */
package dev.forum.extraction;
