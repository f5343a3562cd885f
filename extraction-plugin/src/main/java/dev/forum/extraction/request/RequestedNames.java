package dev.forum.extraction.request;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.request.ExtractRequests.Requested;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the names a build requests, as the user typed them: from the {@code extract} property ({@code -Dextract=a,b})
 * and from the active {@code extract=<name>} profiles ({@code -Pextract=a,b}, which Maven splits at commas into
 * profiles). In: the property, whether the user typed it, the active and the declared profile ids. Out: each name once,
 * with the option it came from ({@link Requested}), for {@link ExtractRequests#resolve} to turn into services. Refused
 * here (one line per option, naming what to type instead): an empty entry, a profile that looks like a mistyped
 * {@code extract=}, a name written twice. The rules come from Maven's handling of {@code -P} (split at commas, an
 * unknown profile only warned about, a repeated or empty profile id dropped before a plugin sees it) and the plugin
 * README's "Refusals".
 */
public final class RequestedNames {

    /** Profiles named {@code extract=<name>} request a name too; Maven only warns for an unknown profile. */
    public static final String PROFILE_PREFIX = "extract=";

    /** How the property is typed; the source of each name it gives starts so. */
    private static final String PROPERTY = "-Dextract=";

    private RequestedNames() {
    }

    /**
     * The names asked for by the property and the active profiles, in order, once each, each with the option it came
     * from (the {@code -P} list when a profile names it, since an {@code extract=} profile may set the property too);
     * empty for none. Entries are trimmed: {@code -Dextract='posts, threads'} asks for posts and threads.
     *
     * <p>Maven splits {@code -P} at commas, so {@code -Pextract=posts,threads} arrives as the profiles
     * {@code extract=posts} and {@code threads}: a profile that follows an {@code extract=} one (or another such)
     * and that no POM or settings declare is taken as the next name of that list ({@link #listContinuations}).
     *
     * <p>A name written twice is refused, not read once ({@link #refuseRepeated}): within the property, within the
     * {@code -P} lists, and in both when the property was typed ({@code -Dextract=posts -Pextract=posts}). The property
     * an {@code extract=<name>} profile sets is not the user's second naming, so without {@code -D} the overlap is one
     * request. Maven itself drops a profile id given twice ({@code -Pextract=a,b,b}: the second {@code b}) and an empty
     * one ({@code -Pextract=a,,b}) before a plugin sees them: those cannot be refused here.
     *
     * @param property         the {@code extract} parameter ({@code -Dextract=a,b}, or what a profile sets), or null
     * @param propertyTyped    whether the user typed the property ({@code -D}): then a name it shares with a {@code -P}
     *                         list is named twice; else the property may be the one an {@code extract=} profile sets
     * @param activeProfiles   the profile ids requested with {@code -P}, in the order given
     * @param declaredProfiles the ids of every profile the build's POMs and settings declare
     * @throws ExtractionException for an empty entry, a profile that looks like a mistyped {@code extract=}, or a name
     *                             written twice (one line per option, naming it, the name and the list to type instead)
     */
    public static List<Requested> of(String property, boolean propertyTyped, List<String> activeProfiles,
            Set<String> declaredProfiles) {
        // Every name as written, with its option: the repeats are refused before they are merged.
        List<Requested> written = new ArrayList<>();
        if (property != null && !property.isBlank()) {
            for (String entry : property.split(",", -1)) {
                if (entry.isBlank()) {
                    throw new ExtractionException("-Dextract=" + property
                            + " has an empty entry: list modules or services separated by commas, e.g. -Dextract=<module>,<service>");
                }
                written.add(new Requested(entry.trim(), PROPERTY + property.trim()));
            }
        }
        Set<String> continuations = new LinkedHashSet<>(listContinuations(activeProfiles, declaredProfiles));
        List<String> list = new ArrayList<>();
        for (String profile : activeProfiles) {
            if (profile.startsWith(PROFILE_PREFIX)) {
                String name = profile.substring(PROFILE_PREFIX.length()).trim();
                if (name.isEmpty()) {
                    throw new ExtractionException("Profile '" + profile + "' names nothing: use -Pextract=<module or service>");
                }
                profileList(list, written);
                list.add(name);
            } else if (continuations.contains(profile)) {
                list.add(profile.trim());
            } else if (!declaredProfiles.contains(profile) && looksLikeExtract(profile)) {
                String value = profile.substring(profile.indexOf('=') + 1);
                throw new ExtractionException("Profile '" + profile + "' is not a profile of this build: to build a service type"
                        + " -Pextract=" + value + " (or -Dextract=" + value + ")");
            }
        }
        profileList(list, written);
        refuseRepeated(written, propertyTyped);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Requested each : written) {
            if (each.source().startsWith(PROPERTY)) {
                sources.putIfAbsent(each.name(), each.source());
            } else {
                sources.put(each.name(), each.source());
            }
        }
        return sources.entrySet().stream().map(e -> new Requested(e.getKey(), e.getValue())).toList();
    }

    /** Records the names of one {@code -Pextract=a,b} list with that list as their source, and empties it. */
    private static void profileList(List<String> list, List<Requested> written) {
        String source = "-P" + PROFILE_PREFIX + String.join(",", list);
        list.forEach(name -> written.add(new Requested(name, source)));
        list.clear();
    }

    /**
     * Refuses a name written more than once: a repeat may be a mistyped other name, and building it once would hide
     * that. One line per option (or pair of options) with repeats, naming it, each repeated name and how often, and the
     * request to type instead (its names once each, in the same kind of option).
     *
     * @param written       every name as written, in order, with its option
     * @param propertyTyped whether a name in both the property and a {@code -P} list counts twice (see
     *                      {@link #of})
     * @throws ExtractionException one line per option with repeats; several lines end with a count
     */
    private static void refuseRepeated(List<Requested> written, boolean propertyTyped) {
        // Untyped, the property and the -P lists are counted apart: the profile's own property repeats nothing.
        Map<String, List<Requested>> byName = new LinkedHashMap<>();
        for (Requested each : written) {
            String kind = propertyTyped ? "" : each.source().startsWith(PROPERTY) ? " -D" : " -P";
            byName.computeIfAbsent(each.name() + kind, k -> new ArrayList<>()).add(each);
        }
        // The options that repeat a name, and the names each repeats with how often, in order.
        Map<List<String>, List<String>> repeats = new LinkedHashMap<>();
        for (List<Requested> same : byName.values()) {
            if (same.size() > 1) {
                List<String> options = same.stream().map(Requested::source).distinct().toList();
                repeats.computeIfAbsent(options, k -> new ArrayList<>())
                        .add("'" + same.get(0).name() + "' " + times(same.size()));
            }
        }
        List<String> lines = new ArrayList<>();
        repeats.forEach((options, names) -> {
            List<Requested> typed = written.stream().filter(each -> options.contains(each.source())).toList();
            boolean profiles = typed.stream().allMatch(each -> each.source().startsWith("-P"));
            String option = profiles ? "-P" + PROFILE_PREFIX : PROPERTY;
            String once = String.join(",", typed.stream().map(Requested::name).distinct().toList());
            lines.add(String.join(" and ", options) + (options.size() == 1 ? " names " : " name ")
                    + String.join(" and ", names) + ": name each module or service once, e.g. " + option + once);
        });
        if (!lines.isEmpty()) {
            throw new ExtractionException(lines, lines.size() + " options name a module or service more than once,"
                    + " one per [extract] line above: name each once");
        }
    }

    private static String times(int count) {
        return count == 2 ? "twice" : count + " times";
    }

    /**
     * The requested profiles that are really further names of an {@code -Pextract=a,b,c} list: those that come right
     * after an {@code extract=} profile (or after another continuation) and that no POM or settings declare.
     */
    public static List<String> listContinuations(List<String> activeProfiles, Set<String> declaredProfiles) {
        List<String> continuations = new ArrayList<>();
        boolean inList = false;
        for (String profile : activeProfiles) {
            if (profile.startsWith(PROFILE_PREFIX)) {
                inList = true;
            } else if (inList && !declaredProfiles.contains(profile) && !profile.isBlank() && profile.indexOf('=') < 0) {
                continuations.add(profile);
            } else {
                inList = false;
            }
        }
        return continuations;
    }

    /** {@code extrac=posts}, {@code extarct=posts}: a key within two edits of {@code extract}. */
    private static boolean looksLikeExtract(String profile) {
        int equals = profile.indexOf('=');
        return equals > 0 && ClosestName.distance(profile.substring(0, equals).trim(), "extract") <= 2;
    }
}
