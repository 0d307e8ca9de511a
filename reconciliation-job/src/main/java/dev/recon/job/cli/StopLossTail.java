package dev.recon.job.cli;

import dev.recon.model.StopLossJson;
import dev.recon.model.avro.StopLossCommand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** {@code ./recon stoploss tail}: prints stop-loss audit (or command) records, one per line. */
public final class StopLossTail {
    static final Flag BOOTSTRAP =
            Flag.of("bootstrap-servers", "host:port", null, "Kafka of the job (required)");
    static final Flag TOPIC =
            Flag.of("topic", "topic", "stoploss-audit", "the audit (or commands) topic");
    static final Flag FROM =
            Flag.of("from", "earliest|latest", "earliest", "start at the topic's beginning or end");
    static final Flag JSON = Flag.bool("json", "print the raw JSON of each record");
    static final Flag HELP = Flag.bool("help", "print this help and exit");
    static final List<Flag> FLAGS = List.of(BOOTSTRAP, TOPIC, FROM, JSON, HELP);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StopLossTail() {}

    /** Follows the topic until interrupted; exit 2 on a bad command line. */
    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(Flags.usage("./recon stoploss tail", FLAGS));
            return;
        }
        try {
            Flags f = Flags.parse(args, FLAGS);
            if (!List.of("earliest", "latest").contains(f.get(FROM))) {
                throw new UsageException("--from must be earliest or latest");
            }
            follow(f.required(BOOTSTRAP), f.get(TOPIC), f.get(FROM), f.getBoolean(JSON));
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void follow(String servers, String topic, String from, boolean json) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "recon-stoploss-tail-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, from);
        try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (var r : c.poll(Duration.ofMillis(500))) {
                    System.out.println(json ? r.value() : line(r.value()));
                }
            }
        }
    }

    /** One line: time, mode, outcome, command, target, until, rule or requester, reason. */
    static String line(String value) {
        try {
            JsonNode n = MAPPER.readTree(value);
            if (StopLossJson.REJECTED.equals(n.path("outcome").asText())) {
                return String.format(
                        "%s %-8s %-11s %s",
                        Instant.ofEpochMilli(n.path("issued_at").asLong()),
                        "",
                        StopLossJson.REJECTED,
                        n.path("reason").asText());
            }
            StopLossCommand c = StopLossJson.fromJson(value);
            return String.format(
                    "%s %-8s %-11s %-7s %s:%s%s %s  %s",
                    Instant.ofEpochMilli(c.getIssuedAt()),
                    c.getMode().name().toLowerCase(),
                    c.getOutcome(),
                    c.getCommand(),
                    c.getTargetKind().name().toLowerCase(),
                    c.getTarget(),
                    c.getExpiresAt() > 0 ? " until " + Instant.ofEpochMilli(c.getExpiresAt()) : "",
                    c.getRequestedBy() != null
                            ? "by=" + c.getRequestedBy()
                            : "rule=" + c.getRuleId(),
                    c.getReason());
        } catch (Exception e) {
            return "(not a stop-loss record: " + e.getMessage() + ")";
        }
    }
}
