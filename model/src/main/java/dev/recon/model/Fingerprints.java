package dev.recon.model;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.nio.charset.StandardCharsets;

/** 64-bit FNV-1a content hashes, to tell a redelivered record from an altered copy. */
public final class Fingerprints {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprints() {}

    /** Content hash of a bill over every field. */
    public static long of(BillEvent b) {
        long h = OFFSET;
        h = mix(h, b.getBillId());
        h = mix(h, b.getPaymentId());
        h = mix(h, b.getMerchantId());
        h = mix(h, b.getAmountMinor());
        h = mix(h, b.getCurrency());
        h = mix(h, b.getStatus());
        h = mix(h, b.getEventTime());
        return nonZero(mix(h, b.getSourceSystem()));
    }

    /** Content hash of a payment over every field. */
    public static long of(PaymentEvent p) {
        long h = OFFSET;
        h = mix(h, p.getPaymentId());
        h = mix(h, p.getMerchantId());
        h = mix(h, p.getPayerAccount());
        h = mix(h, p.getAmountMinor());
        h = mix(h, p.getCurrency());
        h = mix(h, p.getStatus());
        h = mix(h, p.getEventTime());
        return nonZero(mix(h, p.getSourceSystem()));
    }

    /** Mixes the string's UTF-8 bytes, without encoding (or allocating) while it is ASCII. */
    private static long mix(long h, String s) {
        if (s == null) {
            return mix(h, -1L);
        }
        long start = h;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return mixEncoded(start, s);
            }
            h = (h ^ c) * PRIME;
        }
        return (h ^ 0xff) * PRIME; // field separator
    }

    private static long mixEncoded(long h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * PRIME;
        }
        return (h ^ 0xff) * PRIME; // field separator
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((v >>> (8 * i)) & 0xff)) * PRIME;
        }
        return h;
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }
}
