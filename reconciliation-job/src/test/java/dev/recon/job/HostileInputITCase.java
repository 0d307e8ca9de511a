package dev.recon.job;

import dev.recon.job.testing.InJvmKafka;
import dev.recon.job.testing.LocalJobs;
import dev.recon.job.testing.RawProducer;
import dev.recon.model.AlertIds;
import dev.recon.model.AlertJson;
import dev.recon.model.Fingerprints;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.DefaultRules;
import dev.recon.sinks.DeadLetterJson;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static dev.recon.job.testing.TopicReader.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input end to end (real Kafka, the job on a MiniCluster): garbage, truncated Avro, a 900
 * KB string, out-of-range amounts, an unknown currency and a far-future event time are each
 * dead-lettered with their reason and counted; duplicates are idempotent; a record far behind the
 * watermark goes to the late output with an alert; the good pairs reconcile with exactly the
 * expected alerts; and the job keeps running.
 */
class HostileInputITCase {
    private static final long DEADLINE_MS = 2_000;
    private static final String RECON = DefaultRules.RECONCILIATION;
    @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();

    @TempDir static Path tmp;

    private final Map<String, String> expectedReasons = new LinkedHashMap<>();
    private final Set<String> expectedAlerts = new HashSet<>();
    private long now;

    @Test
    void hostileRecordsAreDeadLetteredGoodOnesReconcileAndTheJobKeepsRunning() throws Exception {
        int metricsPort = PrometheusScrape.freePort();
        JobClient job = startJob(metricsPort);
        try (RawProducer out = new RawProducer(KAFKA.bootstrapServers())) {
            now = System.currentTimeMillis();
            sendHostile(out);
            sendGoodPairsAndDuplicates(out);
            Thread.sleep(3_000); // idle partitions drop out; the watermark passes the pairs
            PaymentEvent late = at(payment("p-late", 700), now - 3 * 3_600_000L);
            out.send("payments", "p-late", late);
            expectedAlerts.add(id("late-event", "p-late", "payment:" + hex(Fingerprints.of(late))));

            List<Alert> alerts = readAlerts();
            assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates();
            assertThat(alerts)
                    .extracting(Alert::getAlertId)
                    .containsExactlyInAnyOrderElementsOf(expectedAlerts);

            List<DeadLetter> dead =
                    readUntil(KAFKA, "dead-letters", expectedReasons.size() + 1).stream()
                            .map(DeadLetterJson::decode)
                            .toList();
            assertThat(dead).hasSize(expectedReasons.size() + 1);
            for (var e : expectedReasons.entrySet()) {
                assertThat(dead)
                        .as(e.getKey())
                        .filteredOn(d -> coordinates(d).equals(e.getKey()))
                        .singleElement()
                        .satisfies(d -> assertThat(d.getReason()).startsWith(e.getValue()));
            }
            assertThat(dead)
                    .filteredOn(d -> d.getReason().startsWith("late: "))
                    .singleElement()
                    .satisfies(
                            d ->
                                    assertThat(d.getReason())
                                            .startsWith("late: event_time " + late.getEventTime())
                                            .contains("beyond the allowed lateness PT1H"));
            assertCounted(PrometheusScrape.get(metricsPort));
            assertThat(job.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private void sendHostile(RawProducer out) throws Exception {
        byte[] random = new byte[200];
        new Random(42).nextBytes(random);
        expect(out.send("payments", "h-random", random), "undecodable: not a PaymentEvent");
        byte[] good = RawProducer.avro(at(payment("h-trunc", 5), now));
        expect(
                out.send("payments", "h-trunc", Arrays.copyOf(good, good.length - 4)),
                "undecodable: not a PaymentEvent");
        PaymentEvent huge = at(payment("h-huge", 5), now);
        huge.setPayerAccount("x".repeat(900_000));
        expect(
                out.send("payments", "h-huge", huge),
                "invalid: PaymentEvent payer_account is 900000 characters long");
        for (long amount : new long[] {-1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            expect(
                    out.send("payments", "h-amount", at(payment("h-amount", amount), now)),
                    "invalid: PaymentEvent amount_minor is ");
        }
        PaymentEvent xxq = at(payment("h-xxq", 5), now);
        xxq.setCurrency("XXQ");
        expect(out.send("payments", "h-xxq", xxq), "invalid: PaymentEvent currency 'XXQ'");
        BillEvent xxqBill = at(bill("b-h-xxq", "h-xxq-bill", 5), now);
        xxqBill.setCurrency("XXQ");
        expect(out.send("bills", "h-xxq-bill", xxqBill), "invalid: BillEvent currency 'XXQ'");
        PaymentEvent future = at(payment("h-future", 5), now + 10 * 86_400_000L);
        expect(
                out.send("payments", "h-future", future),
                "invalid: PaymentEvent event_time " + future.getEventTime());
    }

    private void sendGoodPairsAndDuplicates(RawProducer out) throws Exception {
        for (int i = 0; i < 5; i++) {
            pair(out, "p-good-" + i, 1_000, 1_000);
        }
        pair(out, "p-mis", 1_000, 1_003);
        expectedAlerts.add(id("amount-match", "p-mis", "b-p-mis"));
        PaymentEvent dup = at(payment("p-dup", 1_000), now);
        BillEvent dupBill = at(bill("b-p-dup", "p-dup", 1_000), now);
        for (int i = 0; i < 2; i++) { // identical redeliveries: no alert
            out.send("payments", "p-dup", dup);
            out.send("bills", "p-dup", dupBill);
        }
        PaymentEvent altered = at(payment("p-alt", 2_000), now);
        pair(out, "p-alt", 1_000, 1_000);
        out.send("payments", "p-alt", altered);
        expectedAlerts.add(
                id("payment-conflict", "p-alt", "conflict:" + hex(Fingerprints.of(altered))));
        pair(out, "p-2bill", 1_000, 1_000);
        out.send("bills", "p-2bill", at(bill("b-2", "p-2bill", 1_000), now));
        expectedAlerts.add(id("duplicate-bill", "p-2bill", "b-2"));
        pair(out, "p-altbill", 1_000, 1_000);
        BillEvent alteredBill = at(bill("b-p-altbill", "p-altbill", 1_001), now);
        out.send("bills", "p-altbill", alteredBill);
        expectedAlerts.add(
                id(
                        "duplicate-bill",
                        "p-altbill",
                        "altered:b-p-altbill:" + hex(Fingerprints.of(alteredBill))));
    }

    private void pair(RawProducer out, String id, long paid, long billed) throws Exception {
        out.send("payments", id, at(payment(id, paid), now));
        out.send("bills", id, at(bill("b-" + id, id, billed), now));
    }

    /** Reads alerts until every expected one came, then two deadlines more for stray ones. */
    private List<Alert> readAlerts() {
        List<Alert> alerts = new ArrayList<>();
        readUntil(KAFKA, "alerts", expectedAlerts.size()).stream()
                .map(AlertJson::fromJson)
                .forEach(alerts::add);
        try {
            Thread.sleep(2 * DEADLINE_MS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<byte[]> all = readUntil(KAFKA, "alerts", alerts.size());
        return all.stream().map(AlertJson::fromJson).toList();
    }

    private void assertCounted(String metrics) {
        assertThat(PrometheusScrape.sum(metrics, "deadLettered", ""))
                .isEqualTo(expectedReasons.size());
        Map<String, Long> perReason =
                Map.of(
                        "undecodable", 2L,
                        "string_too_long", 1L,
                        "amount_out_of_range", 3L,
                        "unknown_currency", 2L,
                        "event_time_out_of_range", 1L);
        perReason.forEach(
                (reason, count) ->
                        assertThat(
                                        PrometheusScrape.sum(
                                                metrics,
                                                "_deadLetters",
                                                "reason=\"" + reason + "\""))
                                .as(reason)
                                .isEqualTo(count));
        assertThat(PrometheusScrape.sum(metrics, "recon_lateEvents", "")).isEqualTo(1);
        assertThat(PrometheusScrape.sum(metrics, "recon_redeliveriesIgnored", "")).isEqualTo(2);
    }

    private void expect(RecordMetadata m, String reasonPrefix) {
        expectedReasons.put(m.topic() + "/" + m.partition() + "/" + m.offset(), reasonPrefix);
    }

    private static String coordinates(DeadLetter d) {
        return d.getTopic() + "/" + d.getPartition() + "/" + d.getOffset();
    }

    private static PaymentEvent at(PaymentEvent p, long eventTime) {
        p.setEventTime(eventTime);
        return p;
    }

    private static BillEvent at(BillEvent b, long eventTime) {
        b.setEventTime(eventTime);
        return b;
    }

    private static String id(String rule, String key, String discriminator) {
        return AlertIds.of(RECON, rule, key, discriminator);
    }

    private static String hex(long fingerprint) {
        return Long.toHexString(fingerprint);
    }

    private static JobClient startJob(int metricsPort) throws Exception {
        JobOptions opts =
                LocalJobs.options(
                        "--bootstrap-servers", KAFKA.bootstrapServers(),
                        "--starting-offsets", "earliest",
                        "--deadline-ms", Long.toString(DEADLINE_MS),
                        "--checkpoint-interval-ms", "1000",
                        "--parallelism", "2");
        Configuration c = LocalJobs.config(opts, tmp.resolve("cp"));
        PrometheusScrape.configure(c, metricsPort);
        return LocalJobs.start(opts, c);
    }
}
