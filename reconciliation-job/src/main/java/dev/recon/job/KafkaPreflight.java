package dev.recon.job;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Checks before submitting the job that the broker answers and the input topics exist, so a wrong
 * address fails in seconds with a clear message instead of a restarting job.
 */
final class KafkaPreflight {
    private KafkaPreflight() {}

    /** Returns null when all is well, else a message that says what to fix. */
    static String check(JobOptions o, List<String> requiredTopics) {
        Properties p = new Properties();
        p.putAll(o.kafkaProperties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String t : requiredTopics) {
                if (!topics.contains(t)) {
                    return "topic '"
                            + t
                            + "' does not exist on "
                            + o.bootstrapServers()
                            + "; create it, or point the job at the right topic with the matching flag";
                }
            }
            return null;
        } catch (Exception e) {
            return "cannot reach Kafka at "
                    + o.bootstrapServers()
                    + " ("
                    + rootMessage(e)
                    + "); check --bootstrap-servers and that the broker is running";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
