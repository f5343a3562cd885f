package dev.forum.closestname;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The valid name a mistyped one most likely meant, for the "did you mean" of a one-line refusal (a module or service
 * name in a topology file, an {@code -Dextract} list, a service request, the run-time library's
 * {@code extraction.topology.*} settings, the local stand-in's processes, data-move's {@code --module}); the one rule all of
 * them use, so a name is suggested alike everywhere. Closeness is the optimal string alignment distance
 * (insertions, deletions, substitutions and swaps of two adjacent letters, one each), ignoring case: at most 1 for
 * names of up to 5 characters, at most 2 for longer ones, so {@code postz} and {@code lonas} mean {@code posts} and
 * {@code loans}, and {@code thredas} {@code threads}, while {@code delta} means none of {@code alpha, beta}.
 */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * @param typed the name given
     * @param valid the names that would have been accepted
     * @return the closest valid name within the distance above (the first by name on a tie), or empty
     */
    public static Optional<String> of(String typed, Collection<String> valid) {
        String given = typed.toLowerCase(Locale.ROOT);
        int allowed = typed.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(valid)) {
            int distance = distance(given, name.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance && !name.equals(typed)) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " (did you mean posts?)"} when {@link #of} finds a name, else "". */
    public static String hint(String typed, Collection<String> valid) {
        return of(typed, valid).map(name -> " (did you mean " + name + "?)").orElse("");
    }

    /**
     * The optimal string alignment distance of two strings, case-sensitive: the fewest insertions, deletions,
     * substitutions and swaps of two adjacent characters that turn {@code a} into {@code b}, no part edited twice
     * ({@code lonas} is 1 from {@code loans}).
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
