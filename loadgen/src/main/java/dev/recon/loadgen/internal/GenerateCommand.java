package dev.recon.loadgen.internal;

import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;
import dev.recon.loadgen.LoadGeneratorBuilder;
import dev.recon.loadgen.RunInfo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The {@code generate} subcommand. */
public final class GenerateCommand {
    private GenerateCommand() {}

    /** Runs the generator as the flags say; returns the exit code. */
    public static int run(Flags f, PrintStream out, PrintStream err) throws UsageException {
        Path file = f.path("--ground-truth", Path.of("ground-truth.jsonl"));
        ProgressBar bar = new ProgressBar(err);
        LoadGenerator generator =
                builder(f).setGroundTruthFile(file).setProgressListener(bar).build();
        err.println("run " + generator.runId() + ": checking Kafka, then generating");
        GroundTruth truth;
        try {
            truth = generator.run();
        } finally {
            bar.finish();
        }
        printTotals(truth, file, out);
        return 0;
    }

    private static LoadGeneratorBuilder builder(Flags f) throws UsageException {
        String payments = f.text("--payments-topic", "payments");
        String bills = f.text("--bills-topic", "bills");
        if (payments.equals(bills)) {
            throw new UsageException(
                    "--payments-topic and --bills-topic must differ, both are '" + bills + "'");
        }
        String why = " (1/9: at most one of 9 fault classes per payment)";
        return LoadGenerator.builder()
                .setBootstrapServers(f.text("--bootstrap-servers", "localhost:9092"))
                .setPaymentTopic(payments)
                .setBillTopic(bills)
                .setEvents(f.wholeNumber("--events", 200_000, 1))
                .setRatePerSecond(f.wholeNumber("--rate", 0, 0))
                .setFaultFraction(
                        f.decimal("--fault-fraction", 0.001, 0, FaultPlan.MAX_FRACTION, why))
                .setSeed(f.wholeNumber("--seed", 42, Long.MIN_VALUE))
                .setDeadline(Duration.ofMillis(f.wholeNumber("--deadline-ms", 5000, 1)));
    }

    private static void printTotals(GroundTruth t, Path file, PrintStream out) {
        RunInfo run = t.run();
        double seconds = Math.max(1e-3, (run.finishedAt() - run.startedAt()) / 1000.0);
        out.printf(
                Locale.ROOT,
                "run %s: %,d events in %.1f s (%,.0f/s): %,d payments to '%s', %,d bills to"
                        + " '%s'%n",
                run.runId(),
                run.events(),
                seconds,
                run.events() / seconds,
                t.paymentsSent(),
                run.paymentTopic(),
                t.billsSent(),
                run.billTopic());
        StringBuilder faults = new StringBuilder();
        for (Map.Entry<FaultClass, Integer> e : t.faultsInjected().entrySet()) {
            faults.append(faults.length() == 0 ? "" : ", ").append(e.getKey()).append(' ');
            faults.append(e.getValue());
        }
        out.printf("faults injected: %d (%s)%n", t.faults().size(), faults);
        out.printf("expected alerts: %d%n", t.expectedAlerts().size());
        out.printf("ground truth: %s%n", file.toAbsolutePath());
    }
}
