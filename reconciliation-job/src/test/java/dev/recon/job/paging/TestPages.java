package dev.recon.job.paging;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;
import dev.recon.model.avro.Severity;

import java.util.HashMap;
import java.util.Map;

/** Page events for paging tests. */
final class TestPages {
    private TestPages() {}

    static PageEvent page(PageAction action, String merchant) {
        String key = "recon/payments-vs-bills/amount-match/" + merchant + "/1";
        return PageEvent.newBuilder()
                .setPageKey(key)
                .setAction(action)
                .setKind(PageKind.BREAKS)
                .setReconciliation("payments-vs-bills")
                .setRuleId("amount-match")
                .setMerchantId(merchant)
                .setSeverity(Severity.CRITICAL)
                .setSummary("s")
                .setBreaks(1)
                .setOpenBreaks(1)
                .setAmountAtRiskMinor(new HashMap<>(Map.of("USD", 100L)))
                .setFirstAlertId("a")
                .setLastAlertId("a")
                .setLastMessage("m")
                .setRuleSetVersion("v1")
                .setFirstBreakAt(0)
                .setLastBreakAt(0)
                .setDecidedAt(0)
                .setEmittedAt(0)
                .build();
    }
}
