package dev.recon.demo;

import dev.recon.job.JobOptions;
import dev.recon.job.LocalRunner;
import dev.recon.job.ReconciliationMain;
import dev.recon.job.cli.Flags;
import dev.recon.job.cli.UsageException;
import dev.recon.job.rules.RuleUpdates;
import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.AlertChecker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;
import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.RuleBundle;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One demo run: owns the broker, the job and the temporary folders, and stops them all. */
final class DemoRun implements AutoCloseable {
    static final int WARM_UP_PAIRS = 50;
    private static final String[] TOPICS = JobOptions.defaultTopics();

    private final DemoOptions opts;
    private final PrintStream out;
    private KafkaBroker broker;
    private DemoPager pager;
    private JobClient job;
    private Path workDir;
    private Duration deadline;

    DemoRun(DemoOptions opts, PrintStream out) {
        this.opts = opts;
        this.out = out;
    }

    boolean execute() throws Exception {
        long start = System.nanoTime();
        RuleSet rules = loadRules();
        deadline = rules.reconciliations().get(0).rightDeadline();
        step(
                "rules "
                        + opts.rules()
                        + ": version "
                        + rules.version()
                        + ", "
                        + rules.reconciliations().get(0).pairRules().size()
                        + " pair rules, deadline "
                        + deadline.toMillis()
                        + " ms");
        workDir = Files.createTempDirectory("recon-demo-");
        step("starting a Kafka broker (KRaft, separate JVM) on 127.0.0.1");
        broker = KafkaBroker.builder().setHeap("768m").build().start();
        broker.createTopics(2, TOPICS);
        step(
                "broker ready at "
                        + broker.bootstrapServers()
                        + "; topics "
                        + String.join(", ", TOPICS));
        if (opts.page().equals("alertmanager")) {
            pager = DemoPager.start();
            step("Alertmanager ready at " + pager.url() + " (its webhook records the pages)");
        }
        JobOptions jobOpts = jobOptions();
        step(
                "starting the reconciliation job on a local MiniCluster (RocksDB, checkpoints every "
                        + opts.checkpointInterval().toMillis()
                        + " ms, parallelism "
                        + opts.parallelism()
                        + ")");
        job = startJob(jobOpts);
        warmUp();
        step(
                "generating "
                        + opts.events()
                        + " payments with their bills, fault fraction "
                        + opts.faultFraction()
                        + " per class");
        GroundTruth truth = generate();
        step(
                "waiting for verdicts (deadline "
                        + deadline.toMillis()
                        + " ms) and checking the alerts topic");
        CheckReport report = check(truth);
        PrometheusScrape metrics = PrometheusScrape.of(opts.metricsPorts());
        if (pager != null) {
            pager.report(out);
        }
        new DemoSummary(out)
                .print(truth, report, metrics, Duration.ofNanos(System.nanoTime() - start));
        if (opts.keepRunning()) {
            keepRunning(metrics);
        }
        return report.passed();
    }

    /** Reads and checks the rules before anything starts, so a broken file fails in a second. */
    private RuleSet loadRules() throws IOException, UsageException {
        RuleUpdates.Outcome o = RuleUpdates.check(RuleBundle.fromPath(Path.of(opts.rules())));
        if (!o.accepted()) {
            throw new UsageException(
                    "--rules " + opts.rules() + " is not a valid rule set:\n" + o.diagnostics());
        }
        return o.ruleSet();
    }

    private JobOptions jobOptions() throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-servers", broker.bootstrapServers(),
                                "--starting-offsets", "earliest",
                                "--rules", opts.rules(),
                                "--checkpoint-interval-ms",
                                        Long.toString(opts.checkpointInterval().toMillis()),
                                "--parallelism", Integer.toString(opts.parallelism()),
                                "--group-id", "recon-demo"));
        if (pager != null) {
            args.addAll(pager.jobArgs());
        }
        return JobOptions.from(Flags.parse(args.toArray(String[]::new), JobOptions.FLAGS));
    }

    private JobClient startJob(JobOptions jobOpts) throws Exception {
        Configuration c = ReconciliationMain.jobConfig(jobOpts);
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("512m"));
        c.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toUri().toString());
        c.setString(
                "metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        c.setString("metrics.reporter.prom.port", opts.metricsPorts());
        c.setString("metrics.reporter.prom.host", "127.0.0.1");
        return LocalRunner.start(jobOpts, c, "recon demo: payments vs bills");
    }

    /**
     * Sends a few clean pairs of their own run and waits until the job has read them, so the
     * measured run starts against a job that is already consuming (split assignment, first fetch
     * and JIT take seconds) instead of a backlog.
     */
    private void warmUp() throws InterruptedException {
        int pairs = WARM_UP_PAIRS;
        LoadGenerator.builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setEvents(pairs)
                .setFaultFraction(0)
                .setRunId("warmup")
                .setGroundTruthFile(workDir.resolve("warmup.json"))
                .build()
                .run();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            PrometheusScrape m = PrometheusScrape.of(opts.metricsPorts());
            if (m.sum("recon_pairsMatched") >= pairs) {
                step("job is consuming (warm-up pairs matched)");
                return;
            }
            Thread.sleep(200);
        }
        step("warning: the job had not matched the warm-up pairs after 60 s; going on");
    }

    private GroundTruth generate() {
        ProgressBar bar = new ProgressBar(System.err);
        GroundTruth truth =
                LoadGenerator.builder()
                        .setBootstrapServers(broker.bootstrapServers())
                        .setPaymentTopic("payments")
                        .setBillTopic("bills")
                        .setEvents(opts.events())
                        .setRatePerSecond(opts.rate())
                        .setFaultFraction(opts.faultFraction())
                        .setSeed(opts.seed())
                        .setDeadline(deadline)
                        .setGroundTruthFile(workDir.resolve("ground-truth.json"))
                        .setProgressListener(bar)
                        .build()
                        .run();
        bar.done();
        return truth;
    }

    private CheckReport check(GroundTruth truth) {
        return AlertChecker.builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setAlertsTopic("alerts")
                .setGroundTruth(truth)
                .setTimeout(deadline.plusSeconds(60))
                .setQuietPeriod(Duration.ofSeconds(2))
                .build()
                .check();
    }

    /** Blocks until Ctrl-C, telling the user how to use the running job. */
    private void keepRunning(PrometheusScrape metrics) throws InterruptedException {
        String servers = broker.bootstrapServers();
        out.println();
        out.println("==> still running (--keep-running); Ctrl-C stops everything");
        out.println("    follow alerts:  ./recon alerts --bootstrap-servers " + servers);
        out.println(
                "    push rules:     ./recon rules push "
                        + opts.rules()
                        + " --bootstrap-servers "
                        + servers);
        out.println(
                "    send load:      ./recon loadgen generate --bootstrap-servers "
                        + servers
                        + " --events 10000 --rate 1000");
        out.println("    metrics:        " + String.join(" ", metrics.endpoints()));
        out.flush();
        Thread.currentThread().join();
    }

    private void step(String what) {
        out.println("==> " + what);
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops whatever is still running; true when something was. */
    synchronized boolean stop() {
        boolean running = job != null || broker != null;
        if (job != null) {
            try {
                job.cancel().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the job is already gone
            }
            job = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (pager != null) {
            pager.close();
            pager = null;
        }
        if (workDir != null) {
            DemoFiles.deleteTree(workDir);
            workDir = null;
        }
        return running;
    }
}
