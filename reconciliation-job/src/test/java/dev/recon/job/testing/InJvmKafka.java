package dev.recon.job.testing;

import dev.recon.job.JobOptions;
import dev.recon.kafka.KafkaBroker;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker inside the test JVM for one test class, with the job's topics created:
 * {@code @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();}.
 */
public final class InJvmKafka implements BeforeAllCallback, AfterAllCallback {
    /** The topics the job reads and writes. */
    public static final String[] TOPICS = JobOptions.defaultTopics();

    private KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = KafkaBroker.builder().setInProcess(true).build().start();
        broker.createTopics(2, TOPICS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
    }

    /** The broker's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
