package dev.recon.job.cli;

import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** {@code ./recon alerts}: prints the alerts topic, one line per alert, and follows it. */
public final class AlertsTail {
    static final Flag BOOTSTRAP =
            Flag.of("bootstrap-servers", "host:port", null, "Kafka of the job (required)");
    static final Flag TOPIC = Flag.of("alerts-topic", "topic", "alerts", "the alerts topic");
    static final Flag FROM =
            Flag.of("from", "earliest|latest", "latest", "start at the topic's beginning or end");
    static final Flag JSON = Flag.bool("json", "print the raw JSON of each alert");
    static final Flag HELP = Flag.bool("help", "print this help and exit");
    static final List<Flag> FLAGS = List.of(BOOTSTRAP, TOPIC, FROM, JSON, HELP);

    private AlertsTail() {}

    /** Follows the topic until interrupted; exit 2 on a bad command line. */
    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(Flags.usage("./recon alerts", FLAGS));
            return;
        }
        try {
            Flags f = Flags.parse(args, FLAGS);
            follow(
                    f.required(BOOTSTRAP),
                    f.get(TOPIC),
                    f.get(FROM),
                    f.getBoolean(JSON),
                    System.out);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static void follow(String servers, String topic, String from, boolean json, PrintStream out) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "recon-alerts-tail-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, from);
        try (var c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (var r : c.poll(Duration.ofMillis(500))) {
                    out.println(
                            json
                                    ? new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)
                                    : line(r.value()));
                }
            }
        }
    }

    static String line(byte[] value) {
        try {
            Alert a = AlertJson.fromJson(value);
            return String.format(
                    "%-7s %-6s %-8s %-18s key=%s at_risk=%d %s  %s",
                    a.getAction(),
                    a.getMode(),
                    a.getSeverity(),
                    a.getRuleId(),
                    a.getKey(),
                    a.getAmountAtRiskMinor(),
                    a.getCurrency(),
                    a.getMessage());
        } catch (IllegalArgumentException e) {
            return "(not an alert: " + e.getMessage() + ")";
        }
    }
}
