package dev.recon.benchmarks.e2e.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** What a stalled job's RocksDB instances look like on disk: their SST files and LOGs. */
final class RocksDbFiles {
    private RocksDbFiles() {}

    /**
     * Each RocksDB instance under {@code root}: its SST files (name, size) and a copy of its LOG,
     * in {@code out}.
     */
    static void copy(Path root, Path out) throws IOException {
        List<Path> dbs;
        try (Stream<Path> s = Files.walk(root)) {
            dbs = s.filter(p -> p.getFileName().toString().equals("LOG")).toList();
        }
        Files.createDirectories(out);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Path log : dbs) {
            Path db = log.getParent();
            sb.append(db).append('\n');
            try (Stream<Path> s = Files.list(db)) {
                s.filter(p -> p.toString().endsWith(".sst"))
                        .sorted()
                        .forEach(
                                p ->
                                        sb.append("  ")
                                                .append(p.getFileName())
                                                .append(' ')
                                                .append(size(p))
                                                .append('\n'));
            }
            Files.copy(log, out.resolve("LOG-" + (++i)), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(out.resolve("sst.txt"), sb.toString());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1; // compacted away meanwhile
        }
    }
}
