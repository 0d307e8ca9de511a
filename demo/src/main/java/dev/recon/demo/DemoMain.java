package dev.recon.demo;

import dev.recon.job.cli.Flags;
import dev.recon.job.cli.UsageException;

/**
 * {@code ./recon demo}: the embedded default. Starts a real Kafka broker, the reconciliation job on
 * a local MiniCluster, the load generator and the checker, prints a summary, and exits 0 only when
 * every injected fault was detected and no alert was false.
 */
public final class DemoMain {
    private DemoMain() {}

    /** Runs the demo; exit code 0 passed, 1 failed, 2 bad flags or set-up failure. */
    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.recon.model.avro");
        if (java.util.List.of(args).contains("--help")) {
            System.out.println(Flags.usage("./recon demo", DemoOptions.FLAGS));
            System.exit(0);
        }
        DemoOptions opts;
        try {
            opts = DemoOptions.parse(args);
        } catch (UsageException e) {
            System.err.println(
                    "error: " + e.getMessage() + "\nrun ./recon demo --help for every flag");
            System.exit(2);
            return;
        }
        int code;
        try (DemoRun run = new DemoRun(opts, System.out)) {
            Thread stop =
                    new Thread(
                            () -> {
                                if (run.stop()) {
                                    System.err.println(
                                            "\n==> interrupted: stopped the job and the broker,"
                                                    + " removed the temporary folders");
                                }
                            },
                            "demo-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            code = run.execute() ? 0 : 1;
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("error: the demo could not run: " + e.getMessage());
            e.printStackTrace(System.err);
            code = 2;
        }
        System.exit(code); // the local environment leaves non-daemon threads behind
    }
}
