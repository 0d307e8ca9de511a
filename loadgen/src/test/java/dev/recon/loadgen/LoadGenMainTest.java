package dev.recon.loadgen;

import dev.recon.loadgen.internal.Usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LoadGenMain}'s command-line handling; none of them reaches Kafka. */
class LoadGenMainTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "generate|--events abc|--events expects a whole number >= 1, got 'abc'",
                "generate|--events=0|--events expects a whole number >= 1, got '0'",
                "generate|--rate -5|--rate expects a whole number >= 0",
                "generate|--fault-fraction 0.5|--fault-fraction expects a number from 0.0 to 0.1111",
                "generate|--fault-fraction x|--fault-fraction expects a number",
                "generate|--deadline-ms 0|--deadline-ms expects a whole number >= 1",
                "generate|--seed 1.5|--seed expects a whole number",
                "generate|--events|--events needs a value",
                "generate|--alerts-topic alerts|--alerts-topic is not a flag of 'generate'",
                "generate|--bogus 1|unknown flag --bogus for 'generate'",
                "generate|--events 5 --events 6|--events is given more than once",
                "generate|stray|unexpected argument 'stray'",
                "generate|--payments-topic=|--payments-topic expects a non-empty value",
                "generate|--bills-topic payments|--payments-topic and --bills-topic must differ",
                "check|--timeout-s never|--timeout-s expects a whole number >= 1, got 'never'",
                "check|--quiet-s 0|--quiet-s expects a whole number >= 1",
                "check|--events 5|--events is not a flag of 'check'",
                "check|--ground-truth /no/such/file.jsonl|--ground-truth: no file",
            })
    void badFlagExitsWithUsage(String command, String flags, String message) {
        String[] args = (command + " " + flags).split(" ");
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(LoadGenMain.USAGE);
        assertThat(run.err()).contains("error: " + message).contains("Usage: loadgen");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingOrUnknownCommandExitsWithUsage() {
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(LoadGenMain.USAGE);
        assertThat(none.err()).contains("missing command");

        CliRun unknown = CliRun.of("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(LoadGenMain.USAGE);
        assertThat(unknown.err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void helpDocumentsEveryFlagAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        Usage.GENERATE_FLAGS.forEach(flag -> assertThat(run.out()).contains(flag));
        Usage.CHECK_FLAGS.forEach(flag -> assertThat(run.out()).contains(flag));

        CliRun generateHelp = CliRun.of("generate", "--help");
        assertThat(generateHelp.exitCode()).isZero();
        assertThat(generateHelp.out()).contains("--events").doesNotContain("--alerts-topic");
    }

    @Test
    void unreadableGroundTruthIsAnErrorNotAUsageProblem() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        java.nio.file.Files.writeString(file, "{not json\n");
        CliRun run = CliRun.of("check", "--ground-truth", file.toString());

        assertThat(run.exitCode()).isEqualTo(LoadGenMain.ERROR);
        assertThat(run.err()).contains("broken.jsonl", "line 1");
    }
}
