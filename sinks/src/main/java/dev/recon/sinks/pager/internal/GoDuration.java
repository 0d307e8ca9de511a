package dev.recon.sinks.pager.internal;

import java.time.Duration;

/** Formats durations the short way, as Go does: {@code 10m0s}, {@code 1h2m3s}, {@code 4.5s}. */
final class GoDuration {
    private GoDuration() {}

    static String format(Duration d) {
        long ms = d.toMillis();
        long h = ms / 3_600_000;
        long m = (ms / 60_000) % 60;
        long s = (ms / 1000) % 60;
        long frac = ms % 1000;
        String seconds =
                frac == 0
                        ? s + "s"
                        : String.format(java.util.Locale.ROOT, "%d.%03ds", s, frac)
                                .replaceAll("0+s$", "s");
        if (h > 0) {
            return h + "h" + m + "m" + seconds;
        }
        return m > 0 ? m + "m" + seconds : seconds;
    }
}
