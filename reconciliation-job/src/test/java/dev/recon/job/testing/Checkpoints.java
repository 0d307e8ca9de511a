package dev.recon.job.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds completed checkpoints of a job in its checkpoint directory. */
public final class Checkpoints {
    private Checkpoints() {}

    /** Waits up to 30 s for checkpoint number {@code atLeast} (or later) to complete. */
    public static Path awaitCompleted(Path jobDir, int atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<Path> latest = latestCompleted(jobDir);
            if (latest.isPresent() && number(latest.get()) >= atLeast) {
                return latest.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completed checkpoint in " + jobDir);
    }

    /** The latest checkpoint directory with metadata, if any. */
    public static Optional<Path> latestCompleted(Path jobDir) throws Exception {
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
                    .filter(d -> Files.exists(d.resolve("_metadata")))
                    .max(Comparator.comparingInt(Checkpoints::number));
        }
    }

    private static int number(Path chk) {
        return Integer.parseInt(chk.getFileName().toString().substring(4));
    }
}
