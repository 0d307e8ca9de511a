package dev.recon.pager.local;

import java.util.Map;

/**
 * One alert inside an Alertmanager webhook notification.
 *
 * @param status {@code firing} or {@code resolved}
 * @param labels the alert's labels
 * @param annotations the alert's annotations
 */
public record NotifiedAlert(
        String status, Map<String, String> labels, Map<String, String> annotations) {

    /** Whether every given label is present with the given value. */
    public boolean hasLabels(Map<String, String> expected) {
        return labels.entrySet().containsAll(expected.entrySet());
    }
}
