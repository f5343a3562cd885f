package dev.forum.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topology file read and checked as a whole, every mistake kept: its own ({@link TopologyFile}) and the checks across
 * its services ({@link CrossServiceChecks}: two monoliths or none, a module in two services, an unknown module), in one
 * run, so that a wrong {@code memory} does not hide "no monolith". The one way every reader of a file (the plugin's
 * goals, the local stand-in) gets its mistakes.
 *
 * @param source        the file as its messages name it
 * @param spec          the file as written, or its services read right when it has mistakes of its own
 *                      ({@link TopologyException#readRight}); null when it is no topology at all (not YAML, empty, not
 *                      a mapping): then nothing of it can be checked further
 * @param services      every named service's readable parts, also of a service with a mistake of its own
 * @param own           the file's own mistakes, one line each in the file's order; empty when it has none
 * @param monolithKnown whether {@code services} tell whether the file has a monolith
 *                      ({@link TopologyException#monolithKnown})
 */
public record TopologyCheck(String source, TopologySpec spec, List<ServiceOutline> services, List<String> own,
        boolean monolithKnown) {

    /**
     * Reads the file, keeping its own mistakes instead of throwing them.
     *
     * @param file        the topology file
     * @param defaultName the topology's name when the file has no {@code name:}
     * @return the file as read; never null
     */
    public static TopologyCheck of(Path file, String defaultName) {
        try {
            TopologySpec spec = TopologyFile.read(file, defaultName);
            return new TopologyCheck(spec.source(), spec, spec.services().stream().map(ServiceOutline::of).toList(),
                    List.of(), true);
        } catch (TopologyException e) {
            if (e.readRight().isEmpty()) {
                return new TopologyCheck(file.toString(), null, List.of(), e.mistakes(), false);
            }
            return new TopologyCheck(e.readRight().get().source(), e.readRight().get(), e.outlines(), e.mistakes(),
                    e.monolithKnown());
        }
    }

    /** Whether the file was read as a topology at all; false for one that is empty, not YAML or not a mapping. */
    public boolean read() {
        return spec != null;
    }

    /**
     * Every mistake of the file at once: its own and those across its services, in the file's order ({@link #byLine}).
     *
     * @param modules the application's modules, each once; null when not known yet (before the application compiles):
     *                then a module is not checked to exist
     * @return one line per mistake ({@code <source>:<line>: <what to fix>}); empty when the file is right
     */
    public List<String> mistakes(List<ModuleRoute> modules) {
        return mistakes(modules, List.of());
    }

    /**
     * As {@link #mistakes(List)}, with mistakes a reader found in the file beyond these checks (the plugin's: a module
     * that runs in every service), each after the file's own on its line and before those across services.
     *
     * @param more one line each ({@code <source>:<line>: <what to fix>})
     */
    public List<String> mistakes(List<ModuleRoute> modules, List<String> more) {
        if (!read()) {
            return own;
        }
        List<String> all = new ArrayList<>(own);
        all.addAll(more);
        all.addAll(CrossServiceChecks.mistakes(source, services, modules, own.isEmpty() || monolithKnown));
        return byLine(source, all);
    }

    /**
     * The topology checked against the application's modules.
     *
     * @param modules the application's modules with their route prefixes, each once
     * @return the topology, ready for the renderers
     * @throws TopologyException every mistake of the file ({@link #mistakes}), one line each
     */
    public Topology topology(List<ModuleRoute> modules) {
        List<String> mistakes = mistakes(modules);
        if (!mistakes.isEmpty()) {
            throw new TopologyException(source, mistakes);
        }
        return Topology.resolve(spec, modules);
    }

    /**
     * Mistakes of one file in the file's order: by the line each names ({@code <source>:<line>: ...}), those naming
     * none first, each group in the order given.
     *
     * @param source   the file as its messages name it
     * @param mistakes one line each
     * @return the same lines, sorted
     */
    public static List<String> byLine(String source, List<String> mistakes) {
        Pattern numbered = Pattern.compile(Pattern.quote(source + ":") + "(\\d+):.*", Pattern.DOTALL);
        return mistakes.stream().sorted(Comparator.comparingInt(line -> {
            Matcher matcher = numbered.matcher(line);
            return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        })).toList();
    }
}
