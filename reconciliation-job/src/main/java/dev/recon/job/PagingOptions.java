package dev.recon.job;

import dev.recon.job.cli.Flag;
import dev.recon.job.cli.Flags;
import dev.recon.job.cli.UsageException;
import dev.recon.job.paging.PagerRoute;
import dev.recon.job.paging.Paging;
import dev.recon.job.paging.PagingSettings;
import dev.recon.model.avro.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pager options: which pagers are active, where they are, where their secrets come from (an
 * environment variable or a file, never a flag value), their budgets and how storm control pages.
 */
public record PagingOptions(
        List<String> pagers,
        String pagerDutyUrl,
        String pagerDutyKeyEnv,
        String pagerDutyKeyFile,
        int pagerDutyBudget,
        String alertmanagerUrl,
        int alertmanagerBudget,
        String webhookUrl,
        String webhookTokenEnv,
        String webhookTokenFile,
        int webhookBudget,
        Severity minSeverity,
        Duration refresh,
        Duration expiry,
        Duration giveUpAfter,
        String source,
        String linkTemplate,
        List<PagerRoute> routes) {

    static final List<String> KNOWN = List.of("pagerduty", "alertmanager", "webhook");

    static final Flag PAGERS =
            Flag.of(
                    "pagers",
                    "name,...",
                    "",
                    "pagers to page through: pagerduty, alertmanager, webhook (comma-separated;"
                            + " none by default: alerts then go to the alerts topic only)");
    static final Flag PD_URL =
            Flag.of(
                    "pagerduty-url",
                    "url",
                    "https://events.pagerduty.com/v2/enqueue",
                    "PagerDuty Events API v2 endpoint");
    static final Flag PD_KEY_ENV =
            Flag.of(
                    "pagerduty-routing-key-env",
                    "VAR",
                    "RECON_PAGERDUTY_ROUTING_KEY",
                    "environment variable holding the PagerDuty routing (integration) key");
    static final Flag PD_KEY_FILE =
            Flag.of(
                    "pagerduty-routing-key-file",
                    "path",
                    null,
                    "file holding the PagerDuty routing key (instead of the variable)");
    static final Flag PD_BUDGET =
            Flag.of(
                    "pagerduty-budget",
                    "n",
                    "100",
                    "PagerDuty requests per minute (PagerDuty allows about 120 per key)");
    static final Flag AM_URL =
            Flag.of(
                    "alertmanager-url",
                    "url,...",
                    "http://127.0.0.1:9093",
                    "Alertmanager base URL (alerts are posted to /api/v2/alerts); list every"
                            + " replica of an HA cluster, comma-separated: each gets every alert");
    static final Flag AM_BUDGET =
            Flag.of("alertmanager-budget", "n", "600", "Alertmanager requests per minute");
    static final Flag WH_URL =
            Flag.of("webhook-url", "url", null, "URL the generic JSON webhook posts pages to");
    static final Flag WH_TOKEN_ENV =
            Flag.of(
                    "webhook-token-env",
                    "VAR",
                    "RECON_WEBHOOK_TOKEN",
                    "environment variable holding a bearer token for the webhook (used when set)");
    static final Flag WH_TOKEN_FILE =
            Flag.of("webhook-token-file", "path", null, "file holding the webhook bearer token");
    static final Flag WH_BUDGET =
            Flag.of("webhook-budget", "n", "600", "webhook requests per minute");
    static final Flag MIN_SEVERITY =
            Flag.of(
                    "page-min-severity",
                    "critical|error|warning|info",
                    "warning",
                    "least severe alert that pages (shadow-mode rules never page)");
    static final Flag REFRESH =
            Flag.of(
                    "page-refresh-ms",
                    "ms",
                    "60000",
                    "an open page is re-sent this often: updated counts, or a refresh for Alertmanager");
    static final Flag EXPIRY =
            Flag.of(
                    "page-expiry-ms",
                    "ms",
                    "86400000",
                    "a page with no new break or resolve for this long is forgotten (not resolved)");
    static final Flag GIVE_UP =
            Flag.of(
                    "pager-give-up-ms",
                    "ms",
                    "600000",
                    "how long a page is retried (429, 5xx, network) before it goes to the dead letters");
    static final Flag SOURCE =
            Flag.of("pager-source", "name", "recon", "PagerDuty payload.source of the pages");
    static final Flag LINK =
            Flag.of(
                    "page-link",
                    "url-template",
                    null,
                    "link added to pages; {page_key}, {rule_id} and {merchant_id} are filled in");

    /** Every pager flag, in the order the help lists them. */
    static final List<Flag> FLAGS =
            List.of(
                    PAGERS,
                    PD_URL,
                    PD_KEY_ENV,
                    PD_KEY_FILE,
                    PD_BUDGET,
                    AM_URL,
                    AM_BUDGET,
                    WH_URL,
                    WH_TOKEN_ENV,
                    WH_TOKEN_FILE,
                    WH_BUDGET,
                    MIN_SEVERITY,
                    REFRESH,
                    EXPIRY,
                    GIVE_UP,
                    SOURCE,
                    LINK);

    /** Builds pager options from parsed flags. */
    static PagingOptions from(Flags f) throws UsageException {
        List<String> pagers = pagers(f.get(PAGERS));
        if (pagers.contains("webhook") && !f.has(WH_URL)) {
            throw new UsageException("--pagers webhook needs --webhook-url");
        }
        PagingOptions o = of(f, pagers, List.of());
        return of(f, pagers, PagerRoutes.of(o));
    }

    private static PagingOptions of(Flags f, List<String> pagers, List<PagerRoute> routes)
            throws UsageException {
        return new PagingOptions(
                pagers,
                f.get(PD_URL),
                f.get(PD_KEY_ENV),
                f.get(PD_KEY_FILE),
                (int) f.getLong(PD_BUDGET, 2, 100_000),
                f.get(AM_URL),
                (int) f.getLong(AM_BUDGET, 2, 100_000),
                f.get(WH_URL),
                f.get(WH_TOKEN_ENV),
                f.get(WH_TOKEN_FILE),
                (int) f.getLong(WH_BUDGET, 2, 100_000),
                severity(f.get(MIN_SEVERITY)),
                Duration.ofMillis(f.getLong(REFRESH, 1_000, 3_600_000)),
                Duration.ofMillis(f.getLong(EXPIRY, 60_000, 86_400_000L * 30)),
                Duration.ofMillis(f.getLong(GIVE_UP, 1_000, 86_400_000L)),
                f.get(SOURCE),
                f.get(LINK),
                routes);
    }

    /** The pager path; resolves wait for a checkpoint when checkpoints are on. */
    public Paging paging(boolean checkpointing) {
        return new Paging(new PagingSettings(minSeverity, refresh, expiry, checkpointing), routes);
    }

    /** Never prints secrets (only where they come from). */
    @Override
    public String toString() {
        return "PagingOptions[pagers=" + pagers + ", minSeverity=" + minSeverity + "]";
    }

    private static List<String> pagers(String list) throws UsageException {
        List<String> out = new ArrayList<>();
        for (String p : list.split(",")) {
            String name = p.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!KNOWN.contains(name)) {
                throw new UsageException(
                        "--pagers: unknown pager '"
                                + p.trim()
                                + "'; use "
                                + String.join(", ", KNOWN));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private static Severity severity(String s) throws UsageException {
        try {
            return Severity.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "--page-min-severity must be critical, error, warning or info, got '"
                            + s
                            + "'");
        }
    }
}
