package dev.recon.loadgen;

import dev.recon.loadgen.internal.FaultPlan;
import dev.recon.loadgen.internal.GenerationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** Builder of {@link LoadGenerator}; setters reject bad values, {@link #build()} missing ones. */
public final class LoadGeneratorBuilder {
    private String servers;
    private String paymentTopic = "payments";
    private String billTopic = "bills";
    private long events = 200_000;
    private long rate;
    private double faultFraction = 0.001;
    private long seed = 42;
    private Duration deadline = Duration.ofSeconds(5);
    private Path groundTruthFile;
    private ProgressListener listener = ProgressListener.NONE;
    private String runId;

    LoadGeneratorBuilder() {}

    /** Kafka {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}; required. */
    public LoadGeneratorBuilder setBootstrapServers(String servers) {
        this.servers = nonBlank(servers, "bootstrap servers");
        return this;
    }

    /** Topic of the payments (default {@code payments}). */
    public LoadGeneratorBuilder setPaymentTopic(String topic) {
        this.paymentTopic = nonBlank(topic, "payment topic");
        return this;
    }

    /** Topic of the bills (default {@code bills}). */
    public LoadGeneratorBuilder setBillTopic(String topic) {
        this.billTopic = nonBlank(topic, "bill topic");
        return this;
    }

    /** Payments to generate, each normally with one bill (default 200,000). */
    public LoadGeneratorBuilder setEvents(long events) {
        this.events = requireAtLeast(events, 1, "events");
        return this;
    }

    /** Payments per second; 0 (the default) sends as fast as the producer allows. */
    public LoadGeneratorBuilder setRatePerSecond(long rate) {
        this.rate = requireAtLeast(rate, 0, "rate per second");
        return this;
    }

    /** Fraction of the payments that get each fault class, 0 to 1/9 (default 0.001). */
    public LoadGeneratorBuilder setFaultFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= FaultPlan.MAX_FRACTION)) {
            throw new IllegalArgumentException(
                    "fault fraction must be between 0 and 1/9 (one fault per payment at most,"
                            + " 9 classes), got "
                            + fraction);
        }
        this.faultFraction = fraction;
        return this;
    }

    /** Seed of fault selection and record contents (default 42). */
    public LoadGeneratorBuilder setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The engine's deadline for a missing counterpart (default 5 s). */
    public LoadGeneratorBuilder setDeadline(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.toMillis() < 1) {
            throw new IllegalArgumentException("deadline must be >= 1 ms, got " + deadline);
        }
        this.deadline = deadline;
        return this;
    }

    /** File to write the ground truth to after the run (JSON lines); none by default. */
    public LoadGeneratorBuilder setGroundTruthFile(Path file) {
        this.groundTruthFile = file;
        return this;
    }

    /** Receives progress; none by default. */
    public LoadGeneratorBuilder setProgressListener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Id of the run, letters, digits, '_' and '.' only; a time-based id by default. */
    public LoadGeneratorBuilder setRunId(String runId) {
        if (runId == null || !runId.matches("[A-Za-z0-9_.]{1,40}")) {
            throw new IllegalArgumentException(
                    "run id must be 1-40 letters, digits, '_' or '.', got " + runId);
        }
        this.runId = runId;
        return this;
    }

    /** Validates the settings; throws {@link IllegalStateException} naming what to set. */
    public LoadGenerator build() {
        if (servers == null) {
            throw new IllegalStateException(
                    "bootstrap servers are not set: call setBootstrapServers(\"host:port\")");
        }
        if (paymentTopic.equals(billTopic)) {
            throw new IllegalStateException(
                    "payment and bill topics must differ, both are '" + paymentTopic + "'");
        }
        String id = runId != null ? runId : defaultRunId();
        return new LoadGenerator(
                new GenerationSettings(
                        servers,
                        paymentTopic,
                        billTopic,
                        events,
                        rate,
                        faultFraction,
                        seed,
                        deadline,
                        groundTruthFile,
                        listener,
                        id));
    }

    private static String defaultRunId() {
        int salt = ThreadLocalRandom.current().nextInt(36 * 36);
        return Long.toString(System.currentTimeMillis(), 36) + Integer.toString(salt, 36);
    }

    private static String nonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.trim();
    }

    private static long requireAtLeast(long value, long min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
