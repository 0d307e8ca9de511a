package dev.recon.job;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.concurrent.TimeUnit;

/** Runs the Kafka-wired job on a local MiniCluster in this JVM (the demo and tests use it). */
public final class LocalRunner {
    private LocalRunner() {}

    /** Submits the job with {@code config} and waits until it runs. */
    public static JobClient start(JobOptions opts, Configuration config, String name)
            throws Exception {
        int parallelism = opts.parallelism() > 0 ? opts.parallelism() : 2;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        ReconciliationMain.newJob(opts).build(env);
        JobClient client = env.executeAsync(name);
        long deadline = System.currentTimeMillis() + 60_000;
        while (client.getJobStatus().get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) {
            if (System.currentTimeMillis() > deadline) {
                client.cancel();
                throw new IllegalStateException("the job did not reach RUNNING within 60 s");
            }
            Thread.sleep(50);
        }
        return client;
    }
}
