package dev.recon.job.paging;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageBudgetState;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;
import dev.recon.model.avro.Severity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The one page that says how many pages a pager's rate budget held back, and of which rules. */
final class HeldBackSummary {
    private HeldBackSummary() {}

    static PageEvent of(String pager, int perMinute, PageBudgetState s, long now) {
        String rules =
                s.getHeldByRule().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "));
        String text =
                s.getHeldBack()
                        + " pages held back by the "
                        + pager
                        + " budget ("
                        + perMinute
                        + "/min) since "
                        + Instant.ofEpochMilli(s.getHeldSince())
                        + ": "
                        + rules
                        + "; "
                        + Pages.amounts(s.getHeldAmountMinor())
                        + " at risk. Every break is on the alerts topic.";
        Severity severity = s.getHeldSeverity() == null ? Severity.CRITICAL : s.getHeldSeverity();
        return PageEvent.newBuilder()
                .setPageKey("recon/pager-budget/" + pager + "/" + s.getSummaries())
                .setAction(PageAction.TRIGGER)
                .setKind(PageKind.HELD_BACK)
                .setReconciliation("*")
                .setRuleId("pager-budget")
                .setMerchantId(null)
                .setSeverity(severity)
                .setSummary(Pages.truncate(text))
                .setBreaks(s.getHeldBack())
                .setOpenBreaks(s.getHeldBack())
                .setAmountAtRiskMinor(new HashMap<>(s.getHeldAmountMinor()))
                .setFirstAlertId("")
                .setLastAlertId("")
                .setLastMessage(text)
                .setRuleSetVersion("")
                .setFirstBreakAt(s.getHeldSince())
                .setLastBreakAt(now)
                .setDecidedAt(now)
                .setEmittedAt(now)
                .build();
    }
}
