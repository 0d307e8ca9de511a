package dev.recon.job;

import dev.recon.job.cli.Flag;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's job flag table lists every flag of the job, with its default and help. */
class ReadmeFlagsTest {

    @Test
    void everyJobFlagIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> missing = new ArrayList<>();
        for (Flag f : JobOptions.FLAGS) {
            String row = row(f);
            if (!readme.contains(row)) {
                missing.add(row);
            }
        }
        assertThat(missing)
                .as("rows missing from README.md's job flags:\n" + String.join("\n", missing))
                .isEmpty();
    }

    /** The table row of a flag, as the README writes it. */
    static String row(Flag f) {
        String flag = "--" + f.name() + (f.isBoolean() ? "" : " <" + f.metavar() + ">");
        String dflt =
                f.defaultValue() == null || f.isBoolean() || f.defaultValue().isEmpty()
                        ? ""
                        : "`" + f.defaultValue() + "`";
        return "| `" + flag + "` | " + dflt + " | " + f.help() + " |";
    }
}
