package dev.recon.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shaded job jar the reactor built (surefire passes its path as {@code recon.job.jar}). */
final class JobJar {
    private JobJar() {}

    static Path path() {
        String p = System.getProperty("recon.job.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException(
                    "the shaded job jar "
                            + p
                            + " is missing; run 'mvn -pl flink-cluster -am verify' (it packages"
                            + " reconciliation-job first)");
        }
        return Path.of(p);
    }
}
