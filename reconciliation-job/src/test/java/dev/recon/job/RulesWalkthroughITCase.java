package dev.recon.job;

import dev.recon.job.cli.RulesPush;
import dev.recon.job.testing.InJvmKafka;
import dev.recon.job.testing.LocalJobs;
import dev.recon.job.testing.RecordProducer;
import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.RuleMode;
import dev.recon.rules.dsl.Compilation;
import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.RuleCompiler;
import dev.recon.rules.dsl.RuleTests;
import dev.recon.rules.dsl.TestReport;

import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's rules walkthrough against a running job: write a rule for a field the defaults do
 * not check, check it, push it in shadow mode, see it fire, enforce it, survive a broken push, and
 * roll back.
 */
class RulesWalkthroughITCase {
    @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();

    private static final String MERCHANT_RULE =
            """
              rule merchant-match {
                severity error
                owner "fund-safety"
                mode %s
                check left.merchant_id == right.merchant_id
                at_risk left.amount_minor
                message "bill {right.bill_id} is for merchant {right.merchant_id}, payment for {left.merchant_id}"
              }

              rule amount-match {""";

    private static final String MERCHANT_CASES =
            """
            [
              {"name": "merchants differ",
               "left": {"payment_id": "p-1", "merchant_id": "m-1", "payer_account": "a",
                        "amount_minor": 1000, "currency": "USD", "status": "SUCCEEDED",
                        "event_time": 1, "source_system": "core"},
               "right": {"bill_id": "b-1", "payment_id": "p-1", "merchant_id": "m-2",
                         "amount_minor": 1000, "currency": "USD", "status": "BILLED",
                         "event_time": 2},
               "expect": ["merchant-match"]},
              {"name": "merchants equal",
               "left": {"payment_id": "p-1", "merchant_id": "m-1", "payer_account": "a",
                        "amount_minor": 1000, "currency": "USD", "status": "SUCCEEDED",
                        "event_time": 1, "source_system": "core"},
               "right": {"bill_id": "b-1", "payment_id": "p-1", "merchant_id": "m-1",
                         "amount_minor": 1000, "currency": "USD", "status": "BILLED",
                         "event_time": 2},
               "expect": []}
            ]
            """;

    @TempDir Path tmp;
    private JobClient job;
    private RecordProducer records;
    private KafkaConsumer<byte[], byte[]> alerts;

    @BeforeEach
    void startJob() throws Exception {
        JobOptions opts =
                LocalJobs.options(
                        "--bootstrap-servers", KAFKA.bootstrapServers(),
                        "--starting-offsets", "latest",
                        "--rules", shippedRules().toString(),
                        "--checkpoint-interval-ms", "1000",
                        "--parallelism", "1");
        job = LocalJobs.start(opts, LocalJobs.config(opts, tmp.resolve("cp")));
        records = new RecordProducer(KAFKA.bootstrapServers());
        alerts = consumer();
    }

    @AfterEach
    void stop() throws Exception {
        alerts.close();
        records.close();
        job.cancel().get(30, TimeUnit.SECONDS);
    }

    @Test
    void writeCheckShadowEnforceRejectRollBack() throws Exception {
        assertThat(firesMerchantRule()).as("the defaults do not check merchants").isNull();

        Path shadow = withMerchantRule("shadow");
        Compilation checked = RuleCompiler.compile(RuleBundle.fromPath(shadow));
        assertThat(checked.ok()).as(checked.format()).isTrue();
        TestReport tested = RuleTests.run(checked, MERCHANT_CASES, "merchant.cases.json");
        assertThat(tested.ok()).as(tested.toString()).isTrue();
        assertThat(tested.passed()).isEqualTo(2);
        assertThat(push(shadow)).isZero();
        Alert shadowAlert = firesMerchantRule();
        assertThat(shadowAlert).isNotNull();
        assertThat(shadowAlert.getMode()).isEqualTo(RuleMode.SHADOW);
        assertThat(shadowAlert.getRuleSetVersion()).isEqualTo(checked.version());

        Path enforce = withMerchantRule("enforce");
        assertThat(push(enforce)).isZero();
        assertThat(firesMerchantRule().getMode()).isEqualTo(RuleMode.ENFORCE);

        Path broken = tmp.resolve("broken");
        copyRules(
                broken,
                text ->
                        text.replace(
                                "left.currency == right.currency",
                                "left.curency == right.currency"));
        assertThat(push(broken, "--force")).as("the job rejects it").isEqualTo(1);
        assertThat(firesMerchantRule().getMode())
                .as("the enforced version stays")
                .isEqualTo(RuleMode.ENFORCE);

        assertThat(push(shippedRules())).as("roll back").isZero();
        assertThat(firesMerchantRule()).isNull();
    }

    /** Sends a pair whose merchants differ; returns the merchant-match alert, or null. */
    private Alert firesMerchantRule() throws Exception {
        String key = "p-" + UUID.randomUUID();
        records.pair(key, "m-1", "m-2");
        long end = System.currentTimeMillis() + 6_000;
        while (System.currentTimeMillis() < end) {
            for (var r : alerts.poll(Duration.ofMillis(300))) {
                Alert a = AlertJson.fromJson(r.value());
                if (a.getKey().equals(key) && a.getRuleId().equals("merchant-match")) {
                    return a;
                }
            }
        }
        return null;
    }

    private int push(Path rules, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(rules.toString(), "--bootstrap-servers", KAFKA.bootstrapServers()));
        args.addAll(List.of(extra));
        return RulesPush.run(args.toArray(new String[0]), System.out, System.err);
    }

    private Path withMerchantRule(String mode) throws Exception {
        Path dir = tmp.resolve("rules-" + mode);
        copyRules(
                dir, text -> text.replace("  rule amount-match {", MERCHANT_RULE.formatted(mode)));
        return dir;
    }

    private static Path shippedRules() {
        return Path.of("..", "rules").toAbsolutePath().normalize();
    }

    /** Copies the shipped rule file next to the model's schemas, with an edit. */
    private static void copyRules(Path dir, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        Files.createDirectories(dir);
        String text = Files.readString(shippedRules().resolve("payments-vs-bills.rules"));
        String schemas = shippedRules().getParent().resolve("model/src/main/avro").toString();
        text = text.replace("\"../model/src/main/avro", "\"" + schemas);
        Files.writeString(dir.resolve("payments-vs-bills.rules"), edit.apply(text));
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        var c =
                new KafkaConsumer<byte[], byte[]>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "walkthrough-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "latest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        c.subscribe(List.of("alerts"));
        c.poll(Duration.ofMillis(500)); // join the group at the topic's end
        return c;
    }
}
