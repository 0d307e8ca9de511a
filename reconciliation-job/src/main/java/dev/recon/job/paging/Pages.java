package dev.recon.job.paging;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;
import dev.recon.model.avro.PageState;
import dev.recon.model.avro.Severity;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds page events and their one-line summaries from storm-control state. */
final class Pages {
    /** PagerDuty's limit on a summary. */
    static final int MAX_SUMMARY = 1024;

    private Pages() {}

    /** The state of a new episode opened by {@code a}. */
    static PageState open(Alert a, long episode, long now) {
        Map<String, Long> amounts = new HashMap<>();
        amounts.put(a.getCurrency(), a.getAmountAtRiskMinor());
        return PageState.newBuilder()
                .setEpisode(episode)
                .setReconciliation(a.getReconciliation())
                .setRuleId(a.getRuleId())
                .setMerchantId(a.getMerchantId())
                .setSeverity(a.getSeverity())
                .setBreaks(1)
                .setOpenBreaks(1)
                .setAmountAtRiskMinor(amounts)
                .setFirstAlertId(a.getAlertId())
                .setLastAlertId(a.getAlertId())
                .setLastMessage(a.getMessage())
                .setLeft(a.getLeft())
                .setRight(a.getRight())
                .setRuleSetVersion(a.getRuleSetVersion())
                .setFirstBreakAt(a.getDecidedAt())
                .setLastBreakAt(a.getDecidedAt())
                .setLastActivity(now)
                .setDirty(false)
                .setTimer(-1L)
                .build();
    }

    /** Adds a further break of the same episode. */
    static void add(PageState s, Alert a, long now) {
        s.setBreaks(s.getBreaks() + 1);
        s.setOpenBreaks(s.getOpenBreaks() + 1);
        s.getAmountAtRiskMinor().merge(a.getCurrency(), a.getAmountAtRiskMinor(), Long::sum);
        s.setLastAlertId(a.getAlertId());
        s.setLastMessage(a.getMessage());
        s.setLeft(a.getLeft());
        s.setRight(a.getRight());
        s.setRuleSetVersion(a.getRuleSetVersion());
        s.setLastBreakAt(Math.max(s.getLastBreakAt(), a.getDecidedAt()));
        if (a.getSeverity().ordinal() < s.getSeverity().ordinal()) {
            s.setSeverity(a.getSeverity());
        }
        s.setLastActivity(now);
        s.setDirty(true);
    }

    /** The page event for the episode in {@code s}. */
    static PageEvent event(
            String stormKey, PageState s, PageAction action, long decidedAt, long now) {
        return PageEvent.newBuilder()
                .setPageKey(PageKeys.pageKey(stormKey, s.getEpisode()))
                .setAction(action)
                .setKind(PageKind.BREAKS)
                .setReconciliation(s.getReconciliation())
                .setRuleId(s.getRuleId())
                .setMerchantId(s.getMerchantId())
                .setSeverity(s.getSeverity())
                .setSummary(summary(s, action))
                .setBreaks(s.getBreaks())
                .setOpenBreaks(s.getOpenBreaks())
                .setAmountAtRiskMinor(new HashMap<>(s.getAmountAtRiskMinor()))
                .setFirstAlertId(s.getFirstAlertId())
                .setLastAlertId(s.getLastAlertId())
                .setLastMessage(s.getLastMessage())
                .setLeft(s.getLeft())
                .setRight(s.getRight())
                .setRuleSetVersion(s.getRuleSetVersion())
                .setFirstBreakAt(s.getFirstBreakAt())
                .setLastBreakAt(s.getLastBreakAt())
                .setDecidedAt(decidedAt)
                .setEmittedAt(now)
                .build();
    }

    /** "[critical] amount-match, merchant m-1: 3 breaks, 12.00 USD at risk: last message". */
    static String summary(PageState s, PageAction action) {
        String head =
                "["
                        + s.getSeverity().name().toLowerCase()
                        + "] "
                        + s.getRuleId()
                        + ", merchant "
                        + PageKeys.merchant(s.getMerchantId());
        String body =
                action == PageAction.RESOLVE
                        ? ": all " + s.getBreaks() + " breaks healed"
                        : ": "
                                + s.getBreaks()
                                + (s.getBreaks() == 1 ? " break, " : " breaks, ")
                                + amounts(s.getAmountAtRiskMinor())
                                + " at risk: "
                                + s.getLastMessage();
        return truncate(head + body);
    }

    /** Amounts per currency in major units, e.g. "12.00 USD + 3 JPY". */
    static String amounts(Map<String, Long> perCurrency) {
        return perCurrency.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> major(e.getValue(), e.getKey()) + " " + e.getKey())
                .collect(Collectors.joining(" + "));
    }

    static String major(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return minor + " minor units of";
        }
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    static String truncate(String s) {
        return s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY - 1) + "…";
    }

    /** More severe of two severities (CRITICAL is the most severe). */
    static Severity worse(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
