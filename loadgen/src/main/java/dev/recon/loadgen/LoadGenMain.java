package dev.recon.loadgen;

import dev.recon.loadgen.internal.CheckCommand;
import dev.recon.loadgen.internal.Flags;
import dev.recon.loadgen.internal.GenerateCommand;
import dev.recon.loadgen.internal.Usage;
import dev.recon.loadgen.internal.UsageException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Command line: {@code loadgen generate [flags]} writes a faulted load and its ground truth; {@code
 * loadgen check [flags]} compares the alerts topic with it. See {@code --help}.
 */
public final class LoadGenMain {
    /** Success; for {@code check}: passed. */
    public static final int OK = 0;

    /** {@code check} found missed or false alerts. */
    public static final int CHECK_FAILED = 1;

    /** Bad command line. */
    public static final int USAGE = 2;

    /** Could not run: Kafka unreachable, a send failed, a file unreadable. */
    public static final int ERROR = 3;

    private LoadGenMain() {}

    /** Entry point; exits with the code of {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line, printing results to {@code out} and messages to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("error: missing command (generate or check)");
            err.print(Usage.full());
            return USAGE;
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            out.print(Usage.full());
            return OK;
        }
        try {
            return dispatch(command, Arrays.asList(args).subList(1, args.length), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(Usage.of(command));
            return USAGE;
        } catch (LoadGenException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        }
    }

    private static int dispatch(String command, List<String> rest, PrintStream out, PrintStream err)
            throws UsageException {
        switch (command) {
            case "generate" -> {
                Flags f = Flags.parse(command, rest, Usage.GENERATE_FLAGS, Usage.CHECK_FLAGS);
                return f.help() ? help(command, out) : GenerateCommand.run(f, out, err);
            }
            case "check" -> {
                Flags f = Flags.parse(command, rest, Usage.CHECK_FLAGS, Usage.GENERATE_FLAGS);
                return f.help() ? help(command, out) : CheckCommand.run(f, out, err);
            }
            default ->
                    throw new UsageException(
                            "unknown command '" + command + "' (expected generate or check)");
        }
    }

    private static int help(String command, PrintStream out) {
        out.print(Usage.of(command));
        return OK;
    }
}
