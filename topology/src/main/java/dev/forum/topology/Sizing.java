package dev.forum.topology;

import java.util.List;
import java.util.Map;

/**
 * A task's size in Fargate units: {@code cpu} in CPU units (1024 = 1 vCPU), {@code memory} in MiB. Only the
 * combinations Fargate accepts are allowed.
 */
public record Sizing(int cpu, int memory) {

    /** Fargate's valid memory sizes (MiB) for each CPU size. */
    static final Map<Integer, List<Integer>> FARGATE = Map.of(
            256, List.of(512, 1024, 2048),
            512, range(1024, 4096, 1024),
            1024, range(2048, 8192, 1024),
            2048, range(4096, 16384, 1024),
            4096, range(8192, 30720, 1024));

    public static final Sizing DEFAULT = new Sizing(256, 512);

    /** Why this size is not a valid Fargate size, or {@code null} if it is. */
    public String problem() {
        List<Integer> memories = FARGATE.get(cpu);
        if (memories == null) {
            return "cpu " + cpu + " is not a Fargate size (use 256, 512, 1024, 2048 or 4096)";
        }
        if (!memories.contains(memory)) {
            return "cpu " + cpu + " takes memory " + describe(memories) + " MiB on Fargate, not " + memory;
        }
        return null;
    }

    private static String describe(List<Integer> memories) {
        if (memories.size() <= 3) {
            return String.join(", ", memories.stream().map(String::valueOf).toList());
        }
        return memories.get(0) + " to " + memories.get(memories.size() - 1) + " in steps of 1024";
    }

    private static List<Integer> range(int from, int to, int step) {
        java.util.ArrayList<Integer> values = new java.util.ArrayList<>();
        for (int value = from; value <= to; value += step) {
            values.add(value);
        }
        return List.copyOf(values);
    }
}
