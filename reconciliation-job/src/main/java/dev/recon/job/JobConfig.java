package dev.recon.job;

import dev.recon.job.cli.UsageException;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.rocksdb.CompressionType;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's Flink configuration in layers: the job's defaults go under the cluster's configuration
 * (config.yaml, {@code flink run -D}), flags given on the command line go over it, and {@code
 * --flink-option} goes over everything. Flink merges what this returns over the cluster's.
 */
final class JobConfig {
    private final Configuration target;
    private final ReadableConfig cluster;
    private final List<String> fromCluster = new ArrayList<>();

    JobConfig(Configuration target, ReadableConfig cluster) {
        this.target = target;
        this.cluster = cluster;
    }

    /** The layered configuration for {@code opts} over {@code cluster}. */
    static JobConfig of(JobOptions opts, ReadableConfig cluster) throws UsageException {
        JobConfig c = new JobConfig(new Configuration(), cluster);
        c.engine();
        // Keep the last checkpoint when the job is cancelled, so it can be restored from.
        c.byDefault(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (c.checkpointing(opts)) {
            // Exactly-once checkpoints: a checkpoint never holds state whose alerts have not
            // reached the at-least-once sink, so a restore cannot drop an alert. Unaligned, the
            // records still in flight (alerts among them) are stored with the checkpoint and
            // replayed on restore, so the guarantee holds, and a barrier waits for no backlog.
            c.byDefault(
                    CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                    CheckpointingMode.EXACTLY_ONCE);
            c.byFlag(
                    opts.given(JobOptions.ALIGNMENT),
                    CheckpointingOptions.ENABLE_UNALIGNED,
                    opts.unalignedCheckpoints());
        }
        c.byFlag(
                opts.given(JobOptions.BUFFER_TIMEOUT),
                ExecutionOptions.BUFFER_TIMEOUT,
                opts.bufferTimeout());
        if (opts.parallelism() > 0) { // 0: the cluster's default
            c.target.set(CoreOptions.DEFAULT_PARALLELISM, opts.parallelism());
        }
        opts.flinkOptions().forEach(c.target::setString);
        return c;
    }

    /** The job's defaults that no flag sets: its RocksDB, no generic types (Kryo), object reuse. */
    void engine() {
        rocksDb();
        byDefault(PipelineOptions.GENERIC_TYPES, false);
        // Object reuse: without it Flink deep-copies every record between chained operators (each
        // input record twice in a Kafka source's chain, each alert once per chained sink), about
        // 40% of a source task's CPU (benchmarks/README.md, "Twelfth session"). Safe because no
        // operator of the job changes a record it received or emitted: records are built new and
        // state objects are never emitted (reconciliation-job/README.md, "For contributors").
        byDefault(PipelineOptions.OBJECT_REUSE, true);
    }

    /**
     * The job's RocksDB where the cluster's configuration has not set the key: incremental
     * checkpoints, partitioned index blocks, no compression in L0 and L1, 8 MB write buffers.
     */
    void rocksDb() {
        byDefault(StateBackendOptions.STATE_BACKEND, "rocksdb");
        byDefault(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        // Partitioned index blocks: a lookup loads one small index partition into the block cache
        // instead of a whole SST file's index (about 480 KB for 380,000 keys). Unpartitioned, a
        // settled key's lookup could re-read and decompress that index each time once the cache
        // was under pressure: about 230 us a lookup, the matcher fell behind on its timers and took
        // no input for 1-2 minutes (benchmarks/README.md, "Eighth session").
        byDefault(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS, true);
        // No compression in L0 and L1 (Snappy below): the synchronous part of a checkpoint flushes
        // the memtables into L0, and without Snappy that flush is shorter. f's mismatch p99 at 80%
        // of the max rate followed it: 460-857 ms against 742-1,886 ms with Snappy everywhere
        // (benchmarks/README.md, "Tenth session"). L0 and L1 take about twice the disk; the flag
        // --flink-option state.backend.rocksdb.compression.per.level=SNAPPY_COMPRESSION undoes it.
        byDefault(
                RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL,
                List.of(
                        CompressionType.NO_COMPRESSION,
                        CompressionType.NO_COMPRESSION,
                        CompressionType.SNAPPY_COMPRESSION));
        // 8 MB write buffers (64 MB by default): a checkpoint's synchronous part flushes what the
        // memtables hold, at most 8 MB per column family instead of up to 64 MB, so a checkpoint
        // stalls the matcher for less. f's p99 at half the max rate: 115-270 ms in four runs
        // against 177-200 ms in three with 64 MB (204-464 ms in five earlier full runs); at 80%
        // worse in three runs of four (530-699 ms against 308-420), within the 1 s target; no
        // live capacity lost (benchmarks/README.md, "Thirteenth session").
        byDefault(RocksDBConfigurableOptions.WRITE_BUFFER_SIZE, MemorySize.parse("8 mb"));
    }

    /** What Flink merges over the cluster's configuration. */
    Configuration configuration() {
        return target;
    }

    /** The keys where the cluster's configuration went over a job default. */
    List<String> fromCluster() {
        return List.copyOf(fromCluster);
    }

    /** A job default: set unless the cluster's configuration has the key. */
    <T> void byDefault(ConfigOption<T> option, T value) {
        if (cluster.getOptional(option).isPresent()) {
            fromCluster.add(option.key());
        } else {
            target.set(option, value);
        }
    }

    /** A flag's value: set when the flag was given, else a job default. */
    private <T> void byFlag(boolean given, ConfigOption<T> option, T value) {
        if (given) {
            target.set(option, value);
        } else {
            byDefault(option, value);
        }
    }

    /** Sets the checkpoint interval; true when the job checkpoints. */
    private boolean checkpointing(JobOptions opts) throws UsageException {
        var interval = cluster.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        if (!opts.checkpointInterval().isZero()) {
            byFlag(
                    opts.given(JobOptions.CHECKPOINT),
                    CheckpointingOptions.CHECKPOINTING_INTERVAL,
                    opts.checkpointInterval());
            return true;
        }
        if (interval.isPresent()) {
            throw new UsageException(
                    "--checkpoint-interval-ms 0 cannot turn off the checkpoints the cluster's"
                            + " configuration sets ("
                            + CheckpointingOptions.CHECKPOINTING_INTERVAL.key()
                            + ": "
                            + interval.get().toMillis()
                            + " ms); drop the flag to use them, or remove the key there");
        }
        return false;
    }
}
