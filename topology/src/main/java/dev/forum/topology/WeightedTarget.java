package dev.forum.topology;

/** A service that receives {@code weight} parts (out of 100) of a rule's requests. */
public record WeightedTarget(String service, int weight) {
}
