package dev.recon.job.paging;

import dev.recon.model.AlertIds;
import dev.recon.model.avro.Alert;

/** Keys of storm control: one page per (reconciliation, rule, merchant) and episode. */
public final class PageKeys {
    /** PagerDuty's limit on dedup keys. */
    static final int MAX_KEY = 255;

    private PageKeys() {}

    /** The storm-control key of an alert: breaks with the same key share one page. */
    public static String of(Alert a) {
        return a.getReconciliation() + "/" + a.getRuleId() + "/" + merchant(a.getMerchantId());
    }

    /** The dedup key of one episode of a page, at most 255 characters. */
    public static String pageKey(String stormKey, long episode) {
        String key = "recon/" + stormKey + "/" + episode;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return "recon/" + AlertIds.of("page", stormKey, "", Long.toString(episode));
    }

    static String merchant(String merchantId) {
        return merchantId == null ? "none" : merchantId;
    }
}
