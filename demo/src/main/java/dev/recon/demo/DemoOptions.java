package dev.recon.demo;

import dev.recon.job.cli.Flag;
import dev.recon.job.cli.Flags;
import dev.recon.job.cli.UsageException;

import java.time.Duration;
import java.util.List;

/** Options of {@code ./recon demo}. */
record DemoOptions(
        long events,
        long rate,
        double faultFraction,
        long seed,
        int parallelism,
        Duration checkpointInterval,
        String metricsPorts,
        String rules,
        boolean keepRunning,
        String page) {

    static final Flag EVENTS =
            Flag.of(
                    "events",
                    "n",
                    "200000",
                    "payments to generate (each with its bill unless a fault says otherwise)");
    static final Flag RATE =
            Flag.of(
                    "rate",
                    "payments/s",
                    "10000",
                    "payments per second, bills follow; 0 sends as fast as the broker takes"
                            + " them (latency then includes the backlog)");
    static final Flag FAULTS =
            Flag.of(
                    "fault-fraction",
                    "f",
                    "0.001",
                    "fraction of payments that get each fault class (0 to 0.1)");
    static final Flag SEED = Flag.of("seed", "n", "42", "random seed of the load generator");
    static final Flag PARALLELISM =
            Flag.of("parallelism", "n", "2", "parallelism of the job in the MiniCluster");
    static final Flag CHECKPOINT =
            Flag.of(
                    "checkpoint-interval-ms",
                    "ms",
                    "5000",
                    "checkpoint interval (RocksDB, incremental)");
    static final Flag METRICS =
            Flag.of(
                    "metrics-ports",
                    "from-to",
                    "9249-9259",
                    "port range of Flink's Prometheus reporter");
    static final Flag RULES =
            Flag.of(
                    "rules",
                    "file-or-dir",
                    "rules",
                    "rule files the job starts with; the checker expects the default rules'"
                            + " verdicts, and the generator uses their deadline");
    static final Flag KEEP =
            Flag.bool(
                    "keep-running",
                    "after the summary keep the broker and the job running (Ctrl-C stops them), to"
                            + " push rules and send load by hand");
    static final Flag PAGE =
            Flag.of(
                    "page",
                    "none|alertmanager",
                    "none",
                    "alertmanager: start a real Alertmanager (Debian's prometheus-alertmanager) on"
                            + " 127.0.0.1, page through it and print what was paged");
    static final Flag HELP = Flag.bool("help", "print this help and exit");
    static final List<Flag> FLAGS =
            List.of(
                    EVENTS,
                    RATE,
                    FAULTS,
                    SEED,
                    PARALLELISM,
                    CHECKPOINT,
                    METRICS,
                    RULES,
                    KEEP,
                    PAGE,
                    HELP);

    static DemoOptions parse(String[] args) throws UsageException {
        Flags f = Flags.parse(args, FLAGS);
        double fraction;
        try {
            fraction = Double.parseDouble(f.get(FAULTS));
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--fault-fraction must be a number like 0.001, got '" + f.get(FAULTS) + "'");
        }
        if (!(fraction >= 0 && fraction <= 0.1)) {
            throw new UsageException(
                    "--fault-fraction must be between 0 and 0.1 (there are 9 fault classes), got "
                            + fraction);
        }
        String ports = f.get(METRICS);
        if (!ports.matches("\\d{2,5}(-\\d{2,5})?")) {
            throw new UsageException(
                    "--metrics-ports must be a port or a range like 9249-9259, got '"
                            + ports
                            + "'");
        }
        return new DemoOptions(
                f.getLong(EVENTS, 1, 50_000_000),
                f.getLong(RATE, 0, 10_000_000),
                fraction,
                f.getLong(SEED, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) f.getLong(PARALLELISM, 1, 64),
                Duration.ofMillis(f.getLong(CHECKPOINT, 100, 3_600_000)),
                ports,
                f.get(RULES),
                f.getBoolean(KEEP),
                page(f.get(PAGE)));
    }

    private static String page(String page) throws UsageException {
        if (!List.of("none", "alertmanager").contains(page)) {
            throw new UsageException("--page must be none or alertmanager, got '" + page + "'");
        }
        return page;
    }
}
