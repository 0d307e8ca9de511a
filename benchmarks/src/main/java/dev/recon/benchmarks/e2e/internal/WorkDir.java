package dev.recon.benchmarks.e2e.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The harness's work folder (RocksDB, checkpoints): removed after a run, stall dumps kept. */
public final class WorkDir {
    /** The subfolder {@link StallWatch} writes to, kept for reading after the run. */
    static final String KEPT = "stalls";

    private WorkDir() {}

    /**
     * Deletes everything under {@code work} but its {@value #KEPT} folder, and {@code work} itself
     * when nothing is kept; returns the kept folder, or null.
     */
    public static Path clean(Path work) throws IOException {
        Path kept = work.resolve(KEPT);
        List<Path> doomed;
        try (Stream<Path> all = Files.walk(work)) {
            doomed =
                    all.filter(p -> !p.startsWith(kept) && !p.equals(work))
                            .sorted(Comparator.reverseOrder())
                            .toList();
        }
        for (Path p : doomed) {
            Files.deleteIfExists(p);
        }
        if (Files.isDirectory(kept)) {
            return kept;
        }
        Files.deleteIfExists(work);
        return null;
    }
}
