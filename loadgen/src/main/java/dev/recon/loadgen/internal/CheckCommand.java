package dev.recon.loadgen.internal;

import dev.recon.loadgen.AlertChecker;
import dev.recon.loadgen.AlertCheckerBuilder;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code check} subcommand. */
public final class CheckCommand {
    private CheckCommand() {}

    /** Checks the alerts topic as the flags say; returns 0 when passed, 1 when failed. */
    public static int run(Flags f, PrintStream out, PrintStream err) throws UsageException {
        Path file = f.path("--ground-truth", Path.of("ground-truth.jsonl"));
        AlertCheckerBuilder checker =
                AlertChecker.builder()
                        .setBootstrapServers(f.text("--bootstrap-servers", "localhost:9092"))
                        .setAlertsTopic(f.text("--alerts-topic", "alerts"))
                        .setTimeout(Duration.ofSeconds(f.wholeNumber("--timeout-s", 120, 1)))
                        .setQuietPeriod(Duration.ofSeconds(f.wholeNumber("--quiet-s", 10, 1)));
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    "--ground-truth: no file '" + file + "' (run 'generate' first)");
        }
        GroundTruth truth = GroundTruth.read(file);
        err.printf(
                "checking run %s: %d expected alerts%n",
                truth.run().runId(), truth.expectedAlerts().size());
        CheckReport report = checker.setGroundTruth(truth).build().check();
        out.print(report.format());
        return report.passed() ? 0 : 1;
    }
}
