package dev.recon.sinks.pager;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;
import dev.recon.model.avro.Severity;

import java.util.Map;

/** Test fixtures: page events with every field set. */
public final class Pages {
    public static final long FIRST_BREAK_AT = 1_700_000_000_000L;

    private Pages() {}

    /** A BREAKS page of rule amount-match for merchant m-7 with this key and action. */
    public static PageEvent page(String key, PageAction action) {
        return PageEvent.newBuilder()
                .setPageKey(key)
                .setAction(action)
                .setKind(PageKind.BREAKS)
                .setReconciliation("payments-vs-bills")
                .setRuleId("amount-match")
                .setMerchantId("m-7")
                .setSeverity(Severity.CRITICAL)
                .setSummary("m-7: 3 amount-match breaks, USD 150 at risk")
                .setBreaks(3)
                .setOpenBreaks(action == PageAction.RESOLVE ? 0 : 2)
                .setAmountAtRiskMinor(Map.of("USD", 150L, "EUR", 20L))
                .setFirstAlertId("a-1")
                .setLastAlertId("a-3")
                .setLastMessage("billed 1300 but paid 1250")
                .setLeft(Map.of("amount_minor", "1250", "payment_id", "p-3"))
                .setRight(Map.of("amount_minor", "1300"))
                .setRuleSetVersion("v-1a2b")
                .setFirstBreakAt(FIRST_BREAK_AT)
                .setLastBreakAt(FIRST_BREAK_AT + 2_000)
                .setDecidedAt(FIRST_BREAK_AT + 2_000)
                .setEmittedAt(System.currentTimeMillis())
                .build();
    }
}
