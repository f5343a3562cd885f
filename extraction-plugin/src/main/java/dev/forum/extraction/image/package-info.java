/**
 * Builds a service's OCI image with Jib, without a Docker daemon: the layout of its layers
 * ({@code /app/libs}, {@code /app/modules}, {@code /app/resources}, {@code /app/classes}), the base image
 * it starts from, and where it goes (an image tar, a registry or the local Docker daemon).
 */
package dev.forum.extraction.image;
