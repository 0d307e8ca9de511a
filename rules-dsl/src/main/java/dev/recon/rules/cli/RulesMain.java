package dev.recon.rules.cli;

import dev.recon.rules.dsl.Compilation;
import dev.recon.rules.dsl.Diagnostic;
import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.RuleCompiler;
import dev.recon.rules.dsl.RuleTests;
import dev.recon.rules.dsl.TestReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The rules command line: {@code check}, {@code explain} and {@code test}. Exit status 0 when all
 * is well, 1 when the rules have errors or a test case fails, 2 on bad usage.
 */
public final class RulesMain {
    static final String USAGE =
            """
            usage: rules <command> ...

              check PATH...       compile rule files (a .rules file or a directory of them) and
                                  print every error and warning
              explain PATH        print the compiled plan: streams, deadlines, what each rule
                                  evaluates on which fields
              test PATH CASES     run the cases of a JSON file against the rules ("given these
                                  records, expect these alerts")
              --help              this help

            exit status: 0 ok, 1 errors in the rules or failed cases, 2 bad usage
            """;

    private final PrintStream out;
    private final PrintStream err;

    private RulesMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs a command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        RulesMain main = new RulesMain(out, err);
        if (args.length == 0) {
            return main.usage("no command given");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "--help", "-h", "help" -> main.help();
            case "check" ->
                    rest.isEmpty() ? main.usage("check needs at least one PATH") : main.check(rest);
            case "explain" ->
                    rest.size() != 1
                            ? main.usage("explain needs exactly one PATH")
                            : main.explain(rest.get(0));
            case "test" ->
                    rest.size() != 2
                            ? main.usage("test needs a PATH and a CASES file")
                            : main.test(rest.get(0), rest.get(1));
            default -> main.usage("unknown command '" + args[0] + "'");
        };
    }

    private int help() {
        out.print(USAGE);
        return 0;
    }

    private int usage(String problem) {
        err.println("rules: " + problem);
        err.print(USAGE);
        return 2;
    }

    private int check(List<String> paths) {
        int status = 0;
        for (String path : paths) {
            Compilation c = compile(path);
            if (c == null) {
                return 2;
            }
            print(path, c);
            String prefix = paths.size() > 1 ? path + ": " : "";
            (c.ok() ? out : err).println(prefix + c.summary());
            status = Math.max(status, c.ok() ? 0 : 1);
        }
        return status;
    }

    private int explain(String path) {
        Compilation c = compile(path);
        if (c == null) {
            return 2;
        }
        print(path, c);
        if (!c.ok()) {
            err.println(c.summary());
            return 1;
        }
        out.print(c.explain());
        return 0;
    }

    private int test(String path, String cases) {
        Compilation c = compile(path);
        if (c == null || !exists(cases)) {
            return 2;
        }
        print(path, c);
        if (!c.ok()) {
            err.println(c.summary());
            return 1;
        }
        try {
            TestReport report = RuleTests.run(c, Path.of(cases));
            out.print(report.format());
            return report.ok() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("rules: " + e.getMessage());
            return 1;
        }
    }

    /** The compilation of a path, or null (reported, usage error) when it cannot be read. */
    private Compilation compile(String path) {
        if (!exists(path)) {
            return null;
        }
        try {
            return RuleCompiler.compile(RuleBundle.fromPath(Path.of(path)));
        } catch (IOException e) {
            err.println("rules: cannot read " + path + ": " + e.getMessage());
            return null;
        }
    }

    private boolean exists(String path) {
        if (Files.exists(Path.of(path))) {
            return true;
        }
        err.println("rules: no such file or directory: " + path);
        return false;
    }

    /** Diagnostics with file names as the user wrote the path, e.g. rules/bad.rules. */
    private void print(String path, Compilation c) {
        Path p = Path.of(path);
        for (Diagnostic d : c.diagnostics()) {
            String file =
                    d.file().isEmpty()
                            ? path
                            : Files.isDirectory(p) ? p.resolve(d.file()).toString() : path;
            err.println(d.withFile(file).format());
        }
    }
}
