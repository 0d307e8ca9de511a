package dev.recon.job;

import dev.recon.job.cli.Flags;
import dev.recon.job.cli.UsageException;
import dev.recon.job.operators.Lateness;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the shaded job jar ({@code flink run recon-job.jar --bootstrap-servers ...}):
 * parses options, checks Kafka, and submits {@link ReconciliationJob} with Kafka I/O.
 */
public final class ReconciliationMain {
    private ReconciliationMain() {}

    /** Runs the job; exits 2 on a bad command line or unreachable Kafka. */
    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses, checks Kafka and runs the job until it ends; returns the exit code: 0 done (or help),
     * 2 bad command line or unreachable Kafka.
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (JobOptions.wantsHelp(args)) {
            out.println(Flags.usage("flink run reconciliation-job-shaded.jar", JobOptions.FLAGS));
            return 0;
        }
        JobOptions opts;
        try {
            opts = JobOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + "\nrun with --help for every flag");
            return 2;
        }
        JobConfig config = configure(opts, out, err);
        if (config == null || !kafkaReady(opts, err)) {
            return 2;
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(config.configuration());
        newJob(opts).build(env);
        env.execute("recon: " + opts.paymentsTopic() + " vs " + opts.billsTopic());
        return 0;
    }

    /** The layered Flink configuration, or null after printing why it cannot be built. */
    private static JobConfig configure(JobOptions opts, PrintStream out, PrintStream err) {
        try {
            JobConfig config = layered(opts);
            if (!config.fromCluster().isEmpty()) {
                out.println(
                        "the cluster's configuration goes over the job's defaults for "
                                + String.join(", ", config.fromCluster()));
            }
            return config;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + "\nrun with --help for every flag");
            return null;
        }
    }

    /** Whether the brokers answer and the topics exist; else prints what is wrong. */
    private static boolean kafkaReady(JobOptions opts, PrintStream err) {
        List<String> topics =
                new ArrayList<>(
                        List.of(opts.paymentsTopic(), opts.billsTopic(), opts.controlTopic()));
        topics.addAll(opts.stopLossTopics());
        String problem = KafkaPreflight.check(opts, topics);
        if (problem != null) {
            boolean stopLossTopic =
                    opts.stopLossTopics().stream().anyMatch(t -> problem.contains("'" + t + "'"));
            err.println("error: " + problem + (stopLossTopic ? " (or --stoploss off)" : ""));
            return false;
        }
        return true;
    }

    /** The job wired to Kafka with these options. */
    public static ReconciliationJob newJob(JobOptions opts) {
        return new ReconciliationJob(
                        new KafkaInputs(opts),
                        new KafkaOutputs(opts),
                        opts.rules(),
                        new Lateness(opts.allowedLateness(), opts.lagHold(), opts.outOfOrderness()))
                .withPaging(opts.paging().paging(!opts.checkpointInterval().isZero()))
                .withStopLoss(opts.stopLoss());
    }

    /**
     * The job's defaults that no flag sets, into {@code c}: its RocksDB options, no generic types,
     * object reuse (listed and explained in {@code JobConfig.engine}).
     */
    public static void engineDefaults(Configuration c) {
        new JobConfig(c, new Configuration()).engine();
    }

    /**
     * The job's Flink configuration on its own (no cluster configuration under it): RocksDB,
     * checkpoints and their alignment, the network buffer timeout, no Kryo fallback, parallelism.
     */
    public static Configuration jobConfig(JobOptions opts) {
        try {
            return JobConfig.of(opts, new Configuration()).configuration();
        } catch (UsageException e) {
            throw new IllegalStateException("no cluster configuration to conflict with", e);
        }
    }

    /**
     * The job's Flink configuration over the context's (under {@code flink run}: the cluster's
     * config.yaml and -D; locally: none).
     */
    static JobConfig layered(JobOptions opts) throws UsageException {
        return jobConfig(
                opts, StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration());
    }

    /**
     * The job's Flink configuration over {@code cluster} (what {@code flink run} reads from
     * config.yaml and -D): the job's defaults only where the cluster has not set the key, flags
     * given on the command line and {@code --flink-option} over it.
     */
    static JobConfig jobConfig(JobOptions opts, ReadableConfig cluster) throws UsageException {
        return JobConfig.of(opts, cluster);
    }
}
