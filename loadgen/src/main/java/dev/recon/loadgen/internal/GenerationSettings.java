package dev.recon.loadgen.internal;

import dev.recon.loadgen.ProgressListener;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Validated settings of a generator run; see {@link dev.recon.loadgen.LoadGeneratorBuilder}.
 *
 * @param groundTruthFile where to write the ground truth, or null for nowhere
 */
public record GenerationSettings(
        String bootstrapServers,
        String paymentTopic,
        String billTopic,
        long events,
        long ratePerSecond,
        double faultFraction,
        long seed,
        Duration deadline,
        Path groundTruthFile,
        ProgressListener listener,
        String runId) {}
