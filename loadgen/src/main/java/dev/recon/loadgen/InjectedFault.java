package dev.recon.loadgen;

import java.util.List;
import java.util.Objects;

/**
 * One fault the generator injected.
 *
 * @param paymentId the payment concerned (it was not sent for {@link FaultClass#ORPHAN_BILL})
 * @param faultClass what was done to it
 * @param billIds the distinct bill ids written for it, in send order (empty when none)
 */
public record InjectedFault(String paymentId, FaultClass faultClass, List<String> billIds) {

    /** Validates and copies. */
    public InjectedFault {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(faultClass, "faultClass");
        billIds = List.copyOf(billIds);
    }
}
