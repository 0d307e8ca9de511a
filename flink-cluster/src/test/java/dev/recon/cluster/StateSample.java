package dev.recon.cluster;

/**
 * One sample of the job's state and memory.
 *
 * @param atS seconds since the load started
 * @param checkpointBytes full size of the latest completed checkpoint (RocksDB, incremental)
 * @param checkpointDirBytes bytes on disk under the job's checkpoint folder
 * @param pendingEntries keys waiting for a counterpart, summed over subtasks
 * @param heapBytes heap used, summed over TaskManagers
 * @param eventsIn payments and bills the matcher has read
 */
record StateSample(
        double atS,
        long checkpointBytes,
        long checkpointDirBytes,
        long pendingEntries,
        long heapBytes,
        long eventsIn) {

    static String header() {
        return String.format(
                "%8s %14s %14s %10s %10s %12s",
                "at s", "checkpoint KiB", "ckpt dir KiB", "pending", "heap MiB", "events in");
    }

    String row() {
        return String.format(
                "%8.0f %14d %14d %10d %10d %12d",
                atS,
                checkpointBytes / 1024,
                checkpointDirBytes / 1024,
                pendingEntries,
                heapBytes / (1024 * 1024),
                eventsIn);
    }
}
