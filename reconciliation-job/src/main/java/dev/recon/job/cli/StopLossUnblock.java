package dev.recon.job.cli;

import dev.recon.model.StopLossJson;
import dev.recon.model.StopLossJson.UnblockRequest;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./recon stoploss unblock}: checks an unblock request, publishes it on the job's stop-loss
 * control topic and prints what it sent; the job's answer is on the audit topic ({@code ./recon
 * stoploss tail}).
 */
public final class StopLossUnblock {
    static final Flag BOOTSTRAP =
            Flag.of("bootstrap-servers", "host:port", null, "Kafka of the running job (required)");
    static final Flag TARGET =
            Flag.of("target", "kind:value", null, "what to unblock, e.g. merchant:m-1 (required)");
    static final Flag BY = Flag.of("by", "name", null, "who asks (required, audited)");
    static final Flag REASON = Flag.of("reason", "text", null, "why (required, audited)");
    static final Flag CONTROL =
            Flag.of(
                    "control-topic",
                    "topic",
                    "stoploss-control",
                    "the job's stop-loss control topic");
    static final Flag HELP = Flag.bool("help", "print this help and exit");
    static final List<Flag> FLAGS = List.of(BOOTSTRAP, TARGET, BY, REASON, CONTROL, HELP);

    private StopLossUnblock() {}

    /** Entry point; exit 0 sent, 2 usage or Kafka error. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.println(Flags.usage("./recon stoploss unblock", FLAGS));
            return 0;
        }
        try {
            Flags f = Flags.parse(args, FLAGS);
            UnblockRequest r = request(f);
            String topic = f.get(CONTROL);
            publish(f.required(BOOTSTRAP), topic, r);
            out.println("sent to " + topic + ": " + r.toJson());
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + "\nrun with --help for every flag");
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** The request the flags describe; a usage error says what is missing or wrong. */
    static UnblockRequest request(Flags f) throws UsageException {
        String target = f.required(TARGET);
        int colon = target.indexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new UsageException(
                    "--target must look like kind:value (merchant:m-1, channel:..., route:...),"
                            + " got '"
                            + target
                            + "'");
        }
        try {
            return new UnblockRequest(
                    StopLossJson.kind(target.substring(0, colon).toLowerCase(Locale.ROOT)),
                    target.substring(colon + 1),
                    f.required(BY),
                    f.required(REASON));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target: " + e.getMessage());
        }
    }

    private static void publish(String servers, String topic, UnblockRequest r) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        String key = r.targetKind().name().toLowerCase(Locale.ROOT) + ":" + r.target();
        try (var producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, r.toJson())).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot publish to " + topic + " on " + servers + ": " + e.getMessage(), e);
        }
    }
}
