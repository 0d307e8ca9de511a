package dev.recon.cluster.internal;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JVM memory flags and {@code -D} memory options of a JobManager or TaskManager, derived from
 * config.yaml with Flink's own calculation (what {@code BashJavaUtils} does for Flink's scripts).
 *
 * @param jvmArgs {@code -Xmx -Xms -XX:MaxDirectMemorySize -XX:MaxMetaspaceSize}
 * @param dynamicArgs {@code -D key=value} pairs for the entry point's command line
 */
public record MemoryParams(List<String> jvmArgs, List<String> dynamicArgs) {

    /** The JobManager's parameters. */
    public static MemoryParams jobManager(Path confDir) {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(conf);
        return new MemoryParams(
                split(JobManagerProcessUtils.generateJvmParametersStr(spec, conf)),
                split(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
    }

    /** A TaskManager's parameters. */
    public static MemoryParams taskManager(Path confDir) {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(conf);
        return new MemoryParams(
                split(ProcessMemoryUtils.generateJvmParametersStr(spec)),
                split(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        Arrays.stream(s.trim().split("\\s+")).filter(t -> !t.isEmpty()).forEach(out::add);
        return out;
    }
}
