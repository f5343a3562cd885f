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
 * (insertions, deletions, substitutions and swaps of two adjacent letters, one each), ignoring case. Most typos are
 * one such edit (Damerau, 1964), so one is always accepted: {@code postz}, {@code lonas} mean {@code posts},
 * {@code loans}. Two are accepted for names of 6 characters or more ({@code thrads}, {@code threads}), and for names
 * of 5 only when 4 of the typed letters are in the valid name in the same order, that is a letter dropped and another
 * added ({@code lones} means {@code loans}): two replaced letters of 5 ({@code stock}, {@code store}) or a first letter
 * replaced and another dropped ({@code delta}, {@code beta}) leave too little of the name to be the same word. Names
 * of up to 4 characters: one edit.
 */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * @param typed the name given
     * @param valid the names that would have been accepted
     * @return the closest valid name the rule above accepts (the first by name on a tie), or empty
     */
    public static Optional<String> of(String typed, Collection<String> valid) {
        String given = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(valid)) {
            String candidate = name.toLowerCase(Locale.ROOT);
            int distance = distance(given, candidate);
            if (close(given, candidate, distance) && distance < bestDistance && !name.equals(typed)) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The rule of the class comment, for a typed name and a valid one, both lower-case, {@code distance} apart. */
    private static boolean close(String typed, String valid, int distance) {
        return distance <= 1 || distance == 2 && (typed.length() >= 6
                || typed.length() == 5 && commonSubsequence(typed, valid) >= 4);
    }

    /** The length of the longest sequence of characters found, in order, in both strings (not necessarily adjacent). */
    private static int commonSubsequence(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
            }
        }
        return d[a.length()][b.length()];
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
