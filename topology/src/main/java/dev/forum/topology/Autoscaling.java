package dev.forum.topology;

/** Bounds on a service's task count, scaled to keep average CPU near {@code cpuTarget} percent. */
public record Autoscaling(int min, int max, int cpuTarget) {
}
