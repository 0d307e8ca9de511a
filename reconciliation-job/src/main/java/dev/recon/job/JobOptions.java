package dev.recon.job;

import dev.recon.job.cli.Flag;
import dev.recon.job.cli.Flags;
import dev.recon.job.cli.UsageException;
import dev.recon.job.rules.BundleRuleSetProvider;
import dev.recon.job.rules.DefaultRuleSetProvider;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.job.rules.RuleUpdates;
import dev.recon.job.stoploss.StopLossSettings;
import dev.recon.rules.dsl.RuleBundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Options of the reconciliation job, parsed and validated from the command line. */
public record JobOptions(
        String bootstrapServers,
        String paymentsTopic,
        String billsTopic,
        String alertsTopic,
        String deadLetterTopic,
        String groupId,
        String startingOffsets,
        Duration deadline,
        Duration retention,
        String amountTolerance,
        Duration checkpointInterval,
        boolean unalignedCheckpoints,
        Duration bufferTimeout,
        int parallelism,
        Duration outOfOrderness,
        Duration idleness,
        Properties kafkaProperties,
        String controlTopic,
        String auditTopic,
        String rulesPath,
        String rulesBundleJson,
        Duration allowedLateness,
        Duration lagHold,
        String stopLossMode,
        int stopLossCap,
        String stopLossCommandsTopic,
        String stopLossAuditTopic,
        String stopLossControlTopic,
        PagingOptions paging,
        Map<String, String> flinkOptions,
        Set<String> givenFlags) {

    static final Flag BOOTSTRAP =
            Flag.of(
                    "bootstrap-servers",
                    "host:port,...",
                    null,
                    "Kafka bootstrap servers (required)");
    static final Flag PAYMENTS =
            Flag.of(
                    "payments-topic",
                    "topic",
                    "payments",
                    "topic of payment-core events (Avro PaymentEvent)");
    static final Flag BILLS =
            Flag.of("bills-topic", "topic", "bills", "topic of bill events (Avro BillEvent)");
    static final Flag ALERTS =
            Flag.of("alerts-topic", "topic", "alerts", "topic the JSON alerts are written to");
    static final Flag DEAD =
            Flag.of(
                    "dead-letter-topic",
                    "topic",
                    "dead-letters",
                    "topic for records that cannot be decoded");
    static final Flag GROUP = Flag.of("group-id", "id", "recon", "Kafka consumer group id");
    static final Flag OFFSETS =
            Flag.of(
                    "starting-offsets",
                    "earliest|latest|committed",
                    "committed",
                    "where to start reading when no checkpoint exists; committed falls back to earliest");
    static final Flag DEADLINE =
            Flag.of(
                    "deadline-ms",
                    "ms",
                    "5000",
                    "how long one side waits for its counterpart before a missing verdict");
    static final Flag RETENTION =
            Flag.of(
                    "retention-ms",
                    "ms",
                    "600000",
                    "how long a matched or expired key is remembered to catch duplicates, redeliveries and late counterparts");
    static final Flag TOLERANCE =
            Flag.of(
                    "amount-tolerance",
                    "exact|N|Nbps",
                    "exact",
                    "allowed amount difference: exact, N minor units, or N basis points");
    static final Flag CHECKPOINT =
            Flag.of(
                    "checkpoint-interval-ms",
                    "ms",
                    "10000",
                    "checkpoint interval; 0 disables checkpoints (not for production)");
    static final Flag ALIGNMENT =
            Flag.of(
                    "checkpoint-alignment",
                    "aligned|unaligned",
                    "aligned",
                    "unaligned checkpoints let barriers overtake records in flight, so a"
                            + " checkpoint holds alerts back less under load (in-flight records are"
                            + " stored with it); aligned makes smaller checkpoints");
    static final Flag BUFFER_TIMEOUT =
            Flag.of(
                    "buffer-timeout-ms",
                    "ms",
                    "100",
                    "longest a record waits in a network buffer between operators; lower"
                            + " raises alerts sooner, higher gives more throughput (Flink's"
                            + " default is 100)");
    static final Flag PARALLELISM =
            Flag.of("parallelism", "n", "0", "job parallelism; 0 uses the cluster default");
    static final Flag OOO =
            Flag.of(
                    "out-of-orderness-ms",
                    "ms",
                    "2000",
                    "bounded out-of-orderness of event-time watermarks");
    static final Flag IDLENESS =
            Flag.of(
                    "idleness-ms",
                    "ms",
                    "1000",
                    "a partition quiet this long no longer holds the watermark back");
    static final Flag KAFKA_PROP =
            Flag.of(
                    "kafka-property",
                    "key=value",
                    null,
                    "extra Kafka client property, repeatable (e.g. security.protocol=SASL_SSL)");
    static final Flag KAFKA_FILE =
            Flag.of(
                    "kafka-properties-file",
                    "path",
                    null,
                    "Kafka client properties file, for secrets such as sasl.jaas.config (never logged)");
    static final Flag RULES =
            Flag.of(
                    "rules",
                    "file-or-dir",
                    null,
                    "rule file or directory of *.rules files in force at start (default: the"
                            + " built-in default rules); checked before the job is submitted");
    static final Flag CONTROL =
            Flag.of(
                    "control-topic",
                    "topic",
                    "rules-control",
                    "topic of rule-set updates (./recon rules push) applied without restart");
    static final Flag AUDIT =
            Flag.of(
                    "audit-topic",
                    "topic",
                    "rules-audit",
                    "topic of audit records: every rule-set update, accepted or rejected");
    static final Flag LATENESS =
            Flag.of(
                    "allowed-lateness-ms",
                    "ms",
                    "3600000",
                    "a record this far behind the event-time watermark is still reconciled; a"
                            + " later one goes to the dead-letter topic and raises a late-event"
                            + " alert");
    static final Flag LAG_HOLD =
            Flag.of(
                    "lag-hold-ms",
                    "ms",
                    "300000",
                    "a missing verdict waits up to this long past its deadline while the"
                            + " counterpart stream, or one of its partitions, is still being read"
                            + " but behind the deadline in its own event time (a lagging"
                            + " consumer); 0 never waits");
    static final Flag STOPLOSS =
            Flag.of(
                    "stoploss",
                    "off|dry-run|enforce",
                    "dry-run",
                    "stop-loss actions of rules: off; dry-run logs and audits what would be done;"
                            + " enforce also publishes the commands");
    static final Flag STOPLOSS_CAP =
            Flag.of(
                    "stoploss-cap",
                    "n",
                    "20",
                    "at most this many stop-loss actions in force at once; further ones are"
                            + " refused and audited");
    static final Flag STOPLOSS_COMMANDS =
            Flag.of(
                    "stoploss-commands-topic",
                    "topic",
                    "stoploss-commands",
                    "topic of stop-loss commands (JSON) for the payment systems to obey");
    static final Flag STOPLOSS_AUDIT =
            Flag.of(
                    "stoploss-audit-topic",
                    "topic",
                    "stoploss-audit",
                    "topic of stop-loss audit records: every decision, with its evidence");
    static final Flag STOPLOSS_CONTROL =
            Flag.of(
                    "stoploss-control-topic",
                    "topic",
                    "stoploss-control",
                    "topic of stop-loss requests (./recon stoploss unblock)");
    static final Flag FLINK_OPTION =
            Flag.of(
                    "flink-option",
                    "key=value",
                    null,
                    "Flink option for this job over its defaults, its other flags and the"
                            + " cluster's configuration, repeatable (e.g."
                            + " state.backend.rocksdb.compression.per.level=SNAPPY_COMPRESSION)");
    static final Flag HELP = Flag.bool("help", "print this help and exit");

    /** Every flag of the job, in the order the help lists them. */
    public static final List<Flag> FLAGS =
            withPagerFlags(
                    List.of(
                            BOOTSTRAP,
                            PAYMENTS,
                            BILLS,
                            ALERTS,
                            DEAD,
                            GROUP,
                            OFFSETS,
                            DEADLINE,
                            RETENTION,
                            TOLERANCE,
                            CHECKPOINT,
                            ALIGNMENT,
                            BUFFER_TIMEOUT,
                            PARALLELISM,
                            OOO,
                            IDLENESS,
                            KAFKA_PROP,
                            FLINK_OPTION,
                            KAFKA_FILE,
                            RULES,
                            CONTROL,
                            AUDIT,
                            LATENESS,
                            LAG_HOLD,
                            STOPLOSS,
                            STOPLOSS_CAP,
                            STOPLOSS_COMMANDS,
                            STOPLOSS_AUDIT,
                            STOPLOSS_CONTROL,
                            HELP));

    private static List<Flag> withPagerFlags(List<Flag> flags) {
        List<Flag> all = new java.util.ArrayList<>(flags.subList(0, flags.size() - 1));
        all.addAll(PagingOptions.FLAGS);
        all.add(HELP);
        return List.copyOf(all);
    }

    /** The topics the job reads and writes under their default names, to create them. */
    public static String[] defaultTopics() {
        return java.util.stream.Stream.of(
                        PAYMENTS,
                        BILLS,
                        ALERTS,
                        DEAD,
                        CONTROL,
                        AUDIT,
                        STOPLOSS_CONTROL,
                        STOPLOSS_COMMANDS,
                        STOPLOSS_AUDIT)
                .map(Flag::defaultValue)
                .toArray(String[]::new);
    }

    /** Parses the command line; {@code --help} is the caller's to check with {@link #wantsHelp}. */
    public static JobOptions parse(String[] args) throws UsageException {
        return from(Flags.parse(args, FLAGS));
    }

    /** True when {@code --help} was given. */
    public static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help");
    }

    /** Builds options from parsed flags (also used by the demo, which shares these flags). */
    public static JobOptions from(Flags f) throws UsageException {
        String offsets = f.get(OFFSETS);
        if (!List.of("earliest", "latest", "committed").contains(offsets)) {
            throw new UsageException(
                    "--starting-offsets must be earliest, latest or committed, got '"
                            + offsets
                            + "'");
        }
        String tolerance = f.get(TOLERANCE);
        try {
            DefaultRuleSetProvider.parseTolerance(tolerance);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--amount-tolerance: " + e.getMessage());
        }
        return new JobOptions(
                f.required(BOOTSTRAP),
                f.get(PAYMENTS),
                f.get(BILLS),
                f.get(ALERTS),
                f.get(DEAD),
                f.get(GROUP),
                offsets,
                Duration.ofMillis(f.getLong(DEADLINE, 1, 86_400_000L * 30)),
                Duration.ofMillis(f.getLong(RETENTION, 1, 86_400_000L * 30)),
                tolerance,
                Duration.ofMillis(f.getLong(CHECKPOINT, 0, 3_600_000)),
                unaligned(f),
                Duration.ofMillis(f.getLong(BUFFER_TIMEOUT, 0, 60_000)),
                (int) f.getLong(PARALLELISM, 0, 4096),
                Duration.ofMillis(f.getLong(OOO, 0, 3_600_000)),
                Duration.ofMillis(f.getLong(IDLENESS, 1, 3_600_000)),
                kafkaProperties(f),
                f.get(CONTROL),
                f.get(AUDIT),
                f.get(RULES),
                rulesBundle(f),
                Duration.ofMillis(f.getLong(LATENESS, 0, 86_400_000L * 30)),
                Duration.ofMillis(f.getLong(LAG_HOLD, 0, 86_400_000L)),
                stopLossMode(f),
                (int) f.getLong(STOPLOSS_CAP, 1, 100_000),
                f.get(STOPLOSS_COMMANDS),
                f.get(STOPLOSS_AUDIT),
                f.get(STOPLOSS_CONTROL),
                PagingOptions.from(f),
                flinkOptions(f),
                givenFlags(f));
    }

    /**
     * Whether {@code flag} was on the command line (not its default): a given flag goes over the
     * cluster's configuration, a default goes under it.
     */
    boolean given(Flag flag) {
        return givenFlags.contains(flag.name());
    }

    private static Set<String> givenFlags(Flags f) {
        Set<String> given = new HashSet<>();
        for (Flag flag : FLAGS) {
            if (f.has(flag)) {
                given.add(flag.name());
            }
        }
        return Set.copyOf(given);
    }

    private static Map<String, String> flinkOptions(Flags f) throws UsageException {
        Map<String, String> m = new HashMap<>();
        for (String kv : f.all(FLINK_OPTION)) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1) {
                throw new UsageException(
                        "--flink-option must look like key=value (a Flink configuration key), got '"
                                + kv
                                + "'");
            }
            m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return Map.copyOf(m);
    }

    private static boolean unaligned(Flags f) throws UsageException {
        String mode = f.get(ALIGNMENT);
        if (!List.of("unaligned", "aligned").contains(mode)) {
            throw new UsageException(
                    "--checkpoint-alignment must be aligned or unaligned, got '" + mode + "'");
        }
        return mode.equals("unaligned");
    }

    private static String stopLossMode(Flags f) throws UsageException {
        String mode = f.get(STOPLOSS);
        if (!List.of("off", "dry-run", "enforce").contains(mode)) {
            throw new UsageException(
                    "--stoploss must be off, dry-run or enforce, got '" + mode + "'");
        }
        return mode;
    }

    /** The stop-loss settings these options select. */
    public StopLossSettings stopLoss() {
        return StopLossSettings.parse(stopLossMode, stopLossCap);
    }

    /** The topics stop-loss reads and writes; empty when it is off. */
    public List<String> stopLossTopics() {
        return stopLoss().enabled()
                ? List.of(stopLossControlTopic, stopLossCommandsTopic, stopLossAuditTopic)
                : List.of();
    }

    /** Reads and checks the --rules bundle; null for the built-in rules. */
    private static String rulesBundle(Flags f) throws UsageException {
        if (!f.has(RULES)) {
            return null;
        }
        for (Flag builtInOnly : List.of(DEADLINE, RETENTION, TOLERANCE)) {
            if (f.has(builtInOnly)) {
                throw new UsageException(
                        "--"
                                + builtInOnly.name()
                                + " configures the built-in rules; with --rules"
                                + " it is set in the rule file instead");
            }
        }
        Path path = Path.of(f.get(RULES));
        RuleBundle bundle;
        try {
            bundle = RuleBundle.fromPath(path);
        } catch (IOException e) {
            throw new UsageException("--rules: cannot read " + path + ": " + e.getMessage());
        }
        RuleUpdates.Outcome o = RuleUpdates.check(bundle);
        if (!o.accepted()) {
            throw new UsageException(
                    "--rules " + path + " is not a valid rule set:\n" + o.diagnostics());
        }
        return new String(bundle.toJson(), StandardCharsets.UTF_8);
    }

    private static Properties kafkaProperties(Flags f) throws UsageException {
        Properties p = new Properties();
        if (f.has(KAFKA_FILE)) {
            Path file = Path.of(f.get(KAFKA_FILE));
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UsageException(
                        "--kafka-properties-file: cannot read " + file + ": " + e.getMessage());
            }
        }
        for (String kv : f.all(KAFKA_PROP)) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(
                        "--kafka-property must look like key=value, got '" + kv + "'");
            }
            p.setProperty(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        return p;
    }

    /** The start-up rule set these options select: the --rules bundle or the built-in rules. */
    public RuleSetProvider rules() {
        if (rulesBundleJson != null) {
            return new BundleRuleSetProvider(rulesBundleJson);
        }
        return new DefaultRuleSetProvider(
                deadline, amountTolerance, retention, paymentsTopic, billsTopic);
    }

    /** Never prints Kafka property values: they may hold credentials. */
    @Override
    public String toString() {
        return "JobOptions[bootstrapServers="
                + bootstrapServers
                + ", topics="
                + paymentsTopic
                + "/"
                + billsTopic
                + "->"
                + alertsTopic
                + ", deadline="
                + deadline
                + ", retention="
                + retention
                + ", tolerance="
                + amountTolerance
                + ", kafkaProperties="
                + kafkaProperties.stringPropertyNames()
                + ", rules="
                + (rulesPath == null ? "built-in" : rulesPath)
                + ", stoploss="
                + stopLossMode
                + "]";
    }
}
