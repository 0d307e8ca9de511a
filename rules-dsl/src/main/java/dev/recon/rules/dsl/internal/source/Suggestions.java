package dev.recon.rules.dsl.internal.source;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" by edit distance (with transpositions): the closest candidate, compared whole or,
 * for a word of three or more letters, against a candidate's prefix of about the same length (so
 * {@code amout} finds {@code amount_minor}).
 */
public final class Suggestions {
    private static final int MAX_WORD = 64;

    private Suggestions() {}

    /** The closest candidate within the distance allowed for the word's length, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word.isEmpty() || word.length() > MAX_WORD) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        int allowed = Math.min(3, Math.max(1, (w.length() + 1) / 3));
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates.stream().sorted().toList()) {
            int score = score(w, c.toLowerCase(Locale.ROOT), allowed);
            if (score < bestScore && !c.equals(word)) {
                best = c;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "". */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Whole-word distance, else 10 + prefix distance, or MAX_VALUE when too far. */
    private static int score(String w, String c, int allowed) {
        if (c.length() > MAX_WORD) {
            return Integer.MAX_VALUE;
        }
        int whole = distance(w, c);
        if (whole <= allowed) {
            return whole;
        }
        if (w.length() < 3) {
            return Integer.MAX_VALUE;
        }
        int best = Integer.MAX_VALUE;
        for (int k = w.length() - 1; k <= Math.min(c.length() - 1, w.length() + 1); k++) {
            best = Math.min(best, distance(w, c.substring(0, k)));
        }
        return best <= allowed ? 10 + best : Integer.MAX_VALUE;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
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
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
