package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.internal.AvroRecordDeserializer;
import dev.recon.sources.internal.FieldChecks;
import dev.recon.sources.internal.RecordLayout;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.recon.sources.TestRecords.TS;
import static dev.recon.sources.TestRecords.avro;
import static dev.recon.sources.TestRecords.decode;
import static dev.recon.sources.TestRecords.payment;
import static dev.recon.sources.TestRecords.reject;
import static org.assertj.core.api.Assertions.assertThat;

/** The input contract's limits: amounts, string lengths, event times, record and payload sizes. */
class ContractLimitsTest {
    private final AvroRecordDeserializer<PaymentEvent> deserializer = TestRecords.deserializer();

    @Test
    void amountsAreAcceptedUpTo10To15MinorUnits() {
        long max = RecordLimits.MAX_AMOUNT_MINOR;
        assertThat(decode(deserializer, avro(payment("p", max, "USD", TS))).isRight()).isTrue();
        for (long huge : new long[] {max + 1, Long.MAX_VALUE}) {
            assertThat(reject(deserializer, avro(payment("p", huge, "USD", TS))).getReason())
                    .isEqualTo(
                            "invalid: PaymentEvent amount_minor is "
                                    + huge
                                    + ", above the limit of 10^15 minor units (beyond any real"
                                    + " payment, and unsafe for rule arithmetic)");
        }
        assertThat(reject(deserializer, avro(payment("p", Long.MIN_VALUE, "USD", TS))).getReason())
                .isEqualTo(
                        "invalid: PaymentEvent amount_minor is negative (" + Long.MIN_VALUE + ")");
    }

    @Test
    void idsAreLimitedTo256AndOtherStringsTo4096Characters() {
        assertThat(decode(deserializer, avro(payment("p".repeat(256), 5, "USD", TS))).isRight())
                .isTrue();
        assertThat(reject(deserializer, avro(payment("p".repeat(257), 5, "USD", TS))).getReason())
                .isEqualTo(
                        "invalid: PaymentEvent payment_id is 257 characters long, more than the 256"
                                + " allowed");
        PaymentEvent p = payment("p", 5, "USD", TS);
        p.setMerchantId("m".repeat(300));
        assertThat(reject(deserializer, avro(p)).getReason())
                .contains("merchant_id is 300 characters long, more than the 256 allowed");
        p = payment("p", 5, "USD", TS);
        p.setPayerAccount("a".repeat(4096));
        assertThat(decode(deserializer, avro(p)).isRight()).isTrue();
        p.setPayerAccount("a".repeat(4097));
        assertThat(reject(deserializer, avro(p)).getReason())
                .contains("payer_account is 4097 characters long, more than the 4096 allowed");
    }

    @Test
    void aHugeStringIsRejectedWithoutQuotingItAndOnlyAPrefixOfThePayloadIsKept() {
        PaymentEvent p = payment("p", 5, "USD", TS);
        p.setSourceSystem("x".repeat(900_000));
        byte[] value = avro(p);

        DeadLetter dl = reject(deserializer, value);

        assertThat(dl.getReason())
                .startsWith("invalid: PaymentEvent source_system is 900000 characters long")
                .endsWith(" [payload cut: the first 65536 of " + value.length + " bytes kept]")
                .hasSizeLessThan(200);
        assertThat(dl.getPayload().remaining()).isEqualTo(RecordLimits.MAX_PAYLOAD_BYTES_KEPT);
        assertThat(dl.getPayload().array()).isEqualTo(Arrays.copyOf(value, 65_536));
    }

    @Test
    void eventTimeMustBeAfter2000AndNotAheadOfTheClock() {
        long now = System.currentTimeMillis();
        assertThat(reject(deserializer, avro(payment("p", 5, "USD", 1_000L))).getReason())
                .isEqualTo(
                        "invalid: PaymentEvent event_time 1000 (1970-01-01T00:00:01Z) is before"
                                + " 2000-01-01; it must be epoch milliseconds UTC");
        assertThat(reject(deserializer, avro(payment("p", 5, "USD", -1L))).getReason())
                .contains("is before 2000-01-01");
        long tomorrow = now + Duration.ofDays(1).toMillis();
        assertThat(reject(deserializer, avro(payment("p", 5, "USD", tomorrow))).getReason())
                .startsWith("invalid: PaymentEvent event_time " + tomorrow)
                .contains("is more than PT5M ahead of the clock")
                .endsWith("check the producer's clock");
        assertThat(reject(deserializer, avro(payment("p", 5, "USD", Long.MAX_VALUE))).getReason())
                .contains("ahead of the clock");
        assertThat(decode(deserializer, avro(payment("p", 5, "USD", now + 60_000))).isRight())
                .as("a minute of clock skew is fine")
                .isTrue();
    }

    @Test
    void aValueAboveTheSizeLimitIsDeadLetteredWithoutDecoding() {
        var small =
                new AvroRecordDeserializer<>(
                        "payments",
                        PaymentEvent.class,
                        new FieldChecks(
                                RecordLayout.of(PaymentEvent.class, "payment_id"),
                                RecordLimits.DEFAULT_MAX_AHEAD),
                        100_000,
                        List.of());
        byte[] big = new byte[150_000];
        new Random(1).nextBytes(big);

        DeadLetter dl = reject(small, big);

        assertThat(dl.getReason())
                .isEqualTo(
                        "too large: 150000 bytes, more than the 100000-byte limit"
                                + " (setMaxRecordBytes); not decoded [payload cut: the first 65536"
                                + " of 150000 bytes kept]");
        assertThat(dl.getPayload().array()).isEqualTo(Arrays.copyOf(big, 65_536));
        assertThat(decode(small, avro(payment("p", 5, "USD", TS))).isRight()).isTrue();
    }

    @Test
    void randomBytesNeverThrowNorPassUnchecked() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            var out = decode(deserializer, garbage);
            if (out.isRight()) {
                assertThat(out.right().getAmountMinor())
                        .isBetween(0L, RecordLimits.MAX_AMOUNT_MINOR);
            }
        }
    }
}
