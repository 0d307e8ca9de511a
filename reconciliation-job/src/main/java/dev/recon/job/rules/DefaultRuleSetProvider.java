package dev.recon.job.rules;

import dev.recon.rules.DefaultRules;
import dev.recon.rules.RuleSet;
import dev.recon.rules.Tolerance;

import java.time.Duration;
import java.util.Locale;

/** Provides {@link DefaultRules#paymentsVsBills} with a deadline, tolerance and retention. */
public final class DefaultRuleSetProvider implements RuleSetProvider {
    private static final long serialVersionUID = 1L;

    private final long deadlineMs;
    private final String tolerance;
    private final long retentionMs;
    private final String paymentsTopic;
    private final String billsTopic;

    /**
     * @param tolerance {@code exact}, {@code N} minor units, or {@code Nbps} basis points
     */
    public DefaultRuleSetProvider(
            Duration deadline,
            String tolerance,
            Duration retention,
            String paymentsTopic,
            String billsTopic) {
        this.deadlineMs = deadline.toMillis();
        this.tolerance = tolerance;
        this.retentionMs = retention.toMillis();
        this.paymentsTopic = paymentsTopic;
        this.billsTopic = billsTopic;
        parseTolerance(tolerance); // fail fast on the client, not on the cluster
    }

    @Override
    public RuleSet load() {
        return DefaultRules.paymentsVsBills(
                Duration.ofMillis(deadlineMs),
                parseTolerance(tolerance),
                Duration.ofMillis(retentionMs),
                paymentsTopic,
                billsTopic);
    }

    /** Parses {@code exact}, {@code 5} (minor units) or {@code 10bps}. */
    public static Tolerance parseTolerance(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("exact")) {
                return Tolerance.exact();
            }
            if (t.endsWith("bps")) {
                return Tolerance.basisPoints(Long.parseLong(t.substring(0, t.length() - 3).trim()));
            }
            return Tolerance.absolute(Long.parseLong(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "amount tolerance must be 'exact', a number of minor units like '5', or basis"
                            + " points like '10bps'; got '"
                            + text
                            + "'");
        }
    }
}
