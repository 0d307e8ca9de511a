package dev.recon.job.cli;

import dev.recon.job.rules.RuleUpdates;
import dev.recon.rules.dsl.RuleBundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./recon rules push PATH}: checks a rule set locally, publishes it on the control topic of
 * a running job, and waits for the job's audit record saying whether it is now in force.
 */
public final class RulesPush {
    static final Flag BOOTSTRAP =
            Flag.of("bootstrap-servers", "host:port", null, "Kafka of the running job (required)");
    static final Flag CONTROL =
            Flag.of("control-topic", "topic", "rules-control", "the job's control topic");
    static final Flag AUDIT =
            Flag.of("audit-topic", "topic", "rules-audit", "the job's audit topic");
    static final Flag WAIT =
            Flag.of("wait-s", "s", "30", "how long to wait for the job's verdict; 0 does not wait");
    static final Flag FORCE =
            Flag.bool("force", "publish even if the local check fails (the job will reject it)");
    static final Flag HELP = Flag.bool("help", "print this help and exit");
    static final List<Flag> FLAGS = List.of(BOOTSTRAP, CONTROL, AUDIT, WAIT, FORCE, HELP);

    private RulesPush() {}

    /** Entry point; exit 0 accepted, 1 rejected or no verdict, 2 usage or I/O error. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> all = List.of(args);
        if (all.contains("--help") || args.length == 0) {
            out.println(Flags.usage("./recon rules push <file-or-dir>", FLAGS));
            return args.length == 0 ? 2 : 0;
        }
        try {
            Path path = Path.of(args[0]);
            Flags f = Flags.parse(all.subList(1, args.length).toArray(new String[0]), FLAGS);
            RuleBundle bundle = RuleBundle.fromPath(path);
            RuleUpdates.Outcome local = RuleUpdates.check(bundle);
            if (!local.accepted() && !f.getBoolean(FORCE)) {
                err.println(local.diagnostics());
                err.println(
                        "error: not pushed: the rule set does not pass its check (--force to push anyway)");
                return 1;
            }
            String servers = f.required(BOOTSTRAP);
            long since = System.currentTimeMillis();
            publish(servers, f.get(CONTROL), bundle);
            out.println("pushed rule set version " + local.version() + " to " + f.get(CONTROL));
            long waitS = f.getLong(WAIT, 0, 3600);
            return waitS == 0
                    ? 0
                    : awaitVerdict(servers, f.get(AUDIT), local.version(), since, waitS, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void publish(String servers, String topic, RuleBundle bundle) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (var producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            String json = new String(bundle.toJson(), StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topic, "rules", json)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot publish to " + topic + " on " + servers + ": " + e.getMessage(), e);
        }
    }

    private static int awaitVerdict(
            String servers,
            String topic,
            String version,
            long since,
            long waitS,
            PrintStream out,
            PrintStream err) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "recon-rules-push-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ObjectMapper mapper = new ObjectMapper();
        long end = System.currentTimeMillis() + waitS * 1000;
        try (var consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.currentTimeMillis() < end) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode n = mapper.readTree(r.value());
                    if (n.path("at").asLong() >= since
                            && version.equals(n.path("version").asText())) {
                        boolean ok = "accepted".equals(n.path("status").asText());
                        out.println(
                                (ok
                                        ? "accepted: version " + version + " is in force"
                                        : "rejected: version "
                                                + n.path("in_force").asText()
                                                + " stays in force"));
                        if (!ok) {
                            err.println(n.path("diagnostics").asText());
                        }
                        return ok ? 0 : 1;
                    }
                }
            }
        } catch (IOException e) {
            err.println("error: unreadable audit record: " + e.getMessage());
            return 2;
        }
        err.println(
                "error: no verdict from the job on "
                        + topic
                        + " within "
                        + waitS
                        + " s; is the job running?");
        return 1;
    }
}
