package dev.recon.sources;

import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.internal.AvroRecordDeserializer;

import org.junit.jupiter.api.Test;

import static dev.recon.sources.TestRecords.TS;
import static dev.recon.sources.TestRecords.avro;
import static dev.recon.sources.TestRecords.decode;
import static dev.recon.sources.TestRecords.payment;
import static dev.recon.sources.TestRecords.reject;
import static org.assertj.core.api.Assertions.assertThat;

/** Records that decode but break a semantic rule become dead letters with an "invalid" reason. */
class RecordValidationTest {
    private final AvroRecordDeserializer<PaymentEvent> deserializer = TestRecords.deserializer();

    @Test
    void zeroAmountIsAccepted() {
        assertThat(decode(deserializer, avro(payment("p-1", 0, "JPY", TS))).isRight()).isTrue();
    }

    @Test
    void negativeAmountIsInvalid() {
        assertThat(reject(deserializer, avro(payment("p-1", -5, "USD", TS))).getReason())
                .isEqualTo("invalid: PaymentEvent amount_minor is negative (-5)");
    }

    @Test
    void currencyMustBeAKnownIso4217Code() {
        for (String bad : new String[] {"usd", "USDX", "US", "", "U$D", "XXQ", "ABC"}) {
            assertThat(reject(deserializer, avro(payment("p-1", 5, bad, TS))).getReason())
                    .isEqualTo(
                            "invalid: PaymentEvent currency '"
                                    + bad
                                    + "' is not a known ISO 4217 code (upper case, e.g. USD,"
                                    + " EUR, JPY)");
        }
        for (String good : new String[] {"USD", "EUR", "JPY", "CHF", "BHD"}) {
            assertThat(decode(deserializer, avro(payment("p-1", 5, good, TS))).isRight())
                    .as(good)
                    .isTrue();
        }
    }

    @Test
    void blankKeyIsInvalid() {
        for (String blank : new String[] {"", "  ", "\t"}) {
            assertThat(reject(deserializer, avro(payment(blank, 5, "USD", TS))).getReason())
                    .isEqualTo("invalid: PaymentEvent payment_id is blank");
        }
    }

    @Test
    void extraValidatorsRunAfterTheBuiltInChecks() {
        RecordValidator<PaymentEvent> noRefunds =
                p -> "REFUNDED".equals(p.getStatus()) ? "refunds not accepted" : null;
        AvroRecordDeserializer<PaymentEvent> d = TestRecords.deserializer(noRefunds);
        PaymentEvent refund = payment("p-1", 5, "USD", TS);
        refund.setStatus("REFUNDED");

        assertThat(reject(d, avro(refund)).getReason())
                .isEqualTo("invalid: PaymentEvent refunds not accepted");
        assertThat(reject(d, avro(payment("p-1", -1, "USD", TS))).getReason())
                .contains("amount_minor is negative");
        assertThat(decode(d, avro(payment("p-2", 5, "USD", TS))).isRight()).isTrue();
    }

    @Test
    void aThrowingValidatorRejectsInsteadOfFailingTheJob() {
        RecordValidator<PaymentEvent> broken =
                p -> {
                    throw new IllegalStateException("boom");
                };

        assertThat(
                        reject(TestRecords.deserializer(broken), avro(payment("p", 5, "USD", TS)))
                                .getReason())
                .startsWith("invalid: PaymentEvent validator failed")
                .contains("boom");
    }
}
