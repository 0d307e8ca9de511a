package dev.recon.cluster;

/**
 * A job as the REST API reports it.
 *
 * @param state Flink's job status, e.g. {@code RUNNING}, {@code RESTARTING}, {@code FINISHED}
 * @param tasksRunning subtasks in state RUNNING
 * @param tasksTotal subtasks of the job
 * @param completedCheckpoints checkpoints completed since the job was submitted
 * @param restoredCheckpoints how often the job was restored from a checkpoint or savepoint
 */
public record JobInfo(
        String state,
        int tasksRunning,
        int tasksTotal,
        long completedCheckpoints,
        long restoredCheckpoints) {

    /** The job runs with every subtask running. */
    public boolean fullyRunning() {
        return "RUNNING".equals(state) && tasksTotal > 0 && tasksRunning == tasksTotal;
    }
}
