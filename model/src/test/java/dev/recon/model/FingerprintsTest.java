package dev.recon.model;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fingerprints are kept in the matcher's state: a value must never change between versions, or a
 * redelivery after an upgrade would look like an altered copy.
 */
class FingerprintsTest {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** Computed by the first version (1 byte at a time from {@code String.getBytes}). */
    private static final long PINNED_PAYMENT = 696150840513886323L;

    private static final long PINNED_BILL = -5357283337440881539L;

    @Test
    void valuesArePinned() {
        assertThat(Fingerprints.of(payment("p-1", "m-1"))).isEqualTo(PINNED_PAYMENT);
        assertThat(Fingerprints.of(bill("b-1", "p-1"))).isEqualTo(PINNED_BILL);
    }

    @Test
    void everyStringIsHashedOverItsUtf8Bytes() {
        for (String s :
                new String[] {"m-1", "café", "支付-7", "emoji \uD83D\uDCB8", "\u007f\u0080", ""}) {
            PaymentEvent p = payment("p-" + s, s);
            assertThat(Fingerprints.of(p)).as(s).isEqualTo(reference(p));
        }
    }

    @Test
    void anyChangedFieldChangesTheFingerprint() {
        BillEvent b = bill("b-1", "p-1");
        long before = Fingerprints.of(b);
        b.setAmountMinor(b.getAmountMinor() + 1);
        assertThat(Fingerprints.of(b)).isNotEqualTo(before);
    }

    private static PaymentEvent payment(String id, String merchant) {
        return new PaymentEvent(
                id,
                merchant,
                "acct-1",
                1000L,
                "USD",
                "SUCCEEDED",
                1_700_000_000_000L,
                "payment-core");
    }

    private static BillEvent bill(String id, String paymentId) {
        return new BillEvent(
                id, paymentId, "m-1", 1000L, "USD", "BILLED", 1_700_000_000_500L, "billing");
    }

    /**
     * The definition: FNV-1a over each field's UTF-8 bytes (longs little-endian), 0xff after
     * strings.
     */
    private static long reference(PaymentEvent p) {
        long h = OFFSET;
        h = str(h, p.getPaymentId());
        h = str(h, p.getMerchantId());
        h = str(h, p.getPayerAccount());
        h = num(h, p.getAmountMinor());
        h = str(h, p.getCurrency());
        h = str(h, p.getStatus());
        h = num(h, p.getEventTime());
        h = str(h, p.getSourceSystem());
        return h == 0 ? 1 : h;
    }

    private static long str(long h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * PRIME;
        }
        return (h ^ 0xff) * PRIME;
    }

    private static long num(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((v >>> (8 * i)) & 0xff)) * PRIME;
        }
        return h;
    }
}
