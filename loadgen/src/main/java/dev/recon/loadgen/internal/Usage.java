package dev.recon.loadgen.internal;

import java.util.Set;

/** Usage text and the flag names of the CLI's subcommands. */
public final class Usage {
    /** Flags of {@code generate}. */
    public static final Set<String> GENERATE_FLAGS =
            Set.of(
                    "--bootstrap-servers",
                    "--payments-topic",
                    "--bills-topic",
                    "--events",
                    "--rate",
                    "--fault-fraction",
                    "--seed",
                    "--deadline-ms",
                    "--ground-truth");

    /** Flags of {@code check}. */
    public static final Set<String> CHECK_FLAGS =
            Set.of(
                    "--bootstrap-servers",
                    "--alerts-topic",
                    "--ground-truth",
                    "--timeout-s",
                    "--quiet-s");

    private static final String HEAD =
            """
            Usage: loadgen generate [flags]   write payments and bills with injected faults
                   loadgen check [flags]      compare the alerts topic with the ground truth
                   loadgen --help
            """;

    private static final String GENERATE =
            """

            generate flags:
              --bootstrap-servers HOST:PORT[,...]  Kafka (default localhost:9092)
              --payments-topic NAME   topic of the payments (default payments)
              --bills-topic NAME      topic of the bills (default bills)
              --events N              payments to generate, each with one bill
                                      unless faulted (default 200000)
              --rate N                payments per second, 0 = as fast as possible (default 0)
              --fault-fraction F      fraction of payments per fault class, 0 to 1/9
                                      (default 0.001, i.e. 0.9% of payments faulted)
              --seed N                seed of fault selection and contents (default 42)
              --deadline-ms N         the engine's deadline for a missing counterpart
                                      (default 5000)
              --ground-truth FILE     where to write the ground truth (default ground-truth.jsonl)
            """;

    private static final String CHECK =
            """

            check flags:
              --bootstrap-servers HOST:PORT[,...]  Kafka (default localhost:9092)
              --alerts-topic NAME     topic of the alerts (default alerts)
              --ground-truth FILE     ground truth written by generate (default ground-truth.jsonl)
              --timeout-s N           longest time to read the alerts topic (default 120)
              --quiet-s N             stop once every expected alert was seen and no alert
                                      arrived for N seconds (default 10)
            """;

    private static final String TAIL =
            """

            Exit codes: 0 done (check: passed), 1 check failed, 2 bad command line,
                        3 could not run (Kafka unreachable, send failed, unreadable file).
            """;

    private Usage() {}

    /** Usage of every subcommand. */
    public static String full() {
        return HEAD + GENERATE + CHECK + TAIL;
    }

    /** Usage of one subcommand. */
    public static String of(String command) {
        return switch (command) {
            case "generate" -> HEAD + GENERATE + TAIL;
            case "check" -> HEAD + CHECK + TAIL;
            default -> full();
        };
    }
}
