package dev.forum.standin.stand;

import dev.forum.datamove.ModuleMove;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tutorial's migration toward a topology, as stages: the monolith alone, the extracted services started with
 * no traffic, their routes shifted 10, 50, 100 %, and the monolith reconfigured without the extracted modules.
 * A rollback from any stage goes back to "no traffic" (from the last stage the monolith first holds the modules
 * again, see {@link Plan}) and then stops the extracted services.
 *
 * <p>HAProxy is configured from the target topology at traffic 0: its rules are in place from the start and send
 * everything to the monolith, the services' servers in maintenance until they start.
 *
 * <p>Where a service has a database of its own ({@code database:}), its modules' data moves there ({@link DataMoves})
 * right after the last stage (only the service's processes hold them then), and back first thing in a rollback from
 * it (before the monolith holds them again).
 */
public final class Migration {

    /** The traffic shares walked between "started" and "done". */
    public static final List<Integer> SHARES = List.of(10, 50, 100);

    private final Topology target;
    private final List<Stage> stages;
    private final List<String> names;
    private final ModuleMove.StepListener moveListener;
    private final List<DataMoves.Moved> dataMoves = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Migration(Topology target, List<Stage> stages, List<String> names, ModuleMove.StepListener moveListener) {
        this.target = target;
        this.stages = List.copyOf(stages);
        this.names = List.copyOf(names);
        this.moveListener = moveListener;
    }

    /** This migration with every data move's steps told to {@code listener} (which may stop a move by throwing). */
    public Migration withMoveListener(ModuleMove.StepListener listener) {
        return new Migration(target, stages, names, listener);
    }

    /** The data moves done so far (there and back), in order. */
    public List<DataMoves.Moved> dataMoves() {
        return List.copyOf(dataMoves);
    }

    /** The migration from the monolith alone to {@code target} (a topology with at least one extracted service). */
    public static Migration to(Topology target) {
        if (target.extracted().isEmpty()) {
            throw new IllegalArgumentException(target.source() + " has no extracted service: there is nothing to migrate"
                    + " (try deploy/topologies/posts-extracted.yml)");
        }
        String services = target.extracted().stream().map(ServiceSpec::name).collect(Collectors.joining(", "));
        Set<String> extractedModules = target.extracted().stream().flatMap(s -> s.modules().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> all = target.modules().stream().map(ModuleRoute::module)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Topology none = Topologies.withTraffic(target, 0);

        List<Stage> stages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Set<String>> monolithAlone = new LinkedHashMap<>();
        monolithAlone.put(target.monolith().name(), all);
        stages.add(new Stage("monolith alone", none, monolithAlone));
        names.add("start");

        Map<String, Set<String>> both = new LinkedHashMap<>(monolithAlone);
        target.extracted().forEach(s -> both.put(s.name(), Set.copyOf(s.modules())));
        stages.add(new Stage(services + " started, no traffic yet", none, both));
        names.add("0");
        for (int share : SHARES) {
            stages.add(new Stage(services + " take " + share + " % of " + String.join(", ", extractedModules) + " routes",
                    Topologies.withTraffic(target, share), both));
            names.add(Integer.toString(share));
        }
        Topology done = Topologies.withTraffic(target, 100);
        stages.add(relabel(Stage.of("x", done), "done: the monolith without " + String.join(", ", extractedModules)
                + (done.monolithDeployed() ? "" : " (it holds nothing and stops)"), done));
        names.add("done");
        return new Migration(target, stages, names, step -> { });
    }

    private static Stage relabel(Stage stage, String label, Topology weights) {
        return new Stage(label, weights, stage.processes());
    }

    public Topology target() {
        return target;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The first stage: what the stand-in starts with. */
    public Stage start() {
        return stages.getFirst();
    }

    /** Step names for the command line: start, 0, 10, 50, 100, done. */
    public List<String> stepNames() {
        return names;
    }

    public int indexOf(String stepName) {
        int index = names.indexOf(stepName);
        if (index < 0) {
            throw new IllegalArgumentException("no step '" + stepName + "'; the steps are " + String.join(", ", names));
        }
        return index;
    }

    /**
     * Walks forward from the stand's stage to stage {@code last}, holding each weight step for {@code hold}; at the
     * last stage, moves the data of services with a database of their own.
     *
     * @throws dev.forum.datamove.MoveException when a data move fails (the stand stays at the last stage: walk to it
     *                                          again, or roll back, to resume)
     */
    public void walk(Stand stand, int last, Duration hold) {
        int from = position(stand.stage());
        if (from == stages.size() - 1 && last == from) {
            dataMoves.addAll(DataMoves.there(stand, moveListener)); // resumes a move that stopped part way
        }
        for (int i = from + 1; i <= last; i++) {
            stand.apply(stages.get(i));
            if (i == stages.size() - 1) {
                dataMoves.addAll(DataMoves.there(stand, moveListener));
            }
            if (i < last && !hold.isZero()) {
                stand.log().info("holding '" + stages.get(i).label() + "' for " + hold.toSeconds() + " s");
                sleep(hold);
            }
        }
    }

    /**
     * Back to the monolith alone from wherever the stand is: the weights back to the monolith (after it holds the
     * modules again), then the extracted services stopped.
     */
    public void rollback(Stand stand, Duration hold) {
        int from = position(stand.stage());
        stand.log().step("rollback from '" + stand.stage().label() + "'");
        if (from == stages.size() - 1) {
            dataMoves.addAll(DataMoves.back(stand, moveListener));
        }
        if (from > 1) {
            stand.apply(rollbackOf(stages.get(1)));
            if (!hold.isZero()) {
                stand.log().info("holding for " + hold.toSeconds() + " s");
                sleep(hold);
            }
        }
        if (from > 0) {
            stand.apply(rollbackOf(stages.get(0)));
        }
    }

    /** Where a stage is on this migration, whatever its label (a rollback names its stages differently). */
    public int position(Stage stage) {
        for (int i = 0; i < stages.size(); i++) {
            Stage candidate = stages.get(i);
            if (candidate.processes().equals(stage.processes())
                    && candidate.weights().routingRules().equals(stage.weights().routingRules())) {
                return i;
            }
        }
        throw new IllegalStateException("the stand-in is at '" + stage.label() + "', which is not a stage of this migration");
    }

    private static Stage rollbackOf(Stage stage) {
        return new Stage("rollback: " + stage.label(), stage.weights(), stage.processes());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
