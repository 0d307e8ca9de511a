package dev.recon.sinks.pager;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;
import dev.recon.sinks.pager.internal.PagerDeliveryFunction;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.concurrent.TimeUnit;

/**
 * Delivers a stream of page events to one pager and returns the pages it could not deliver as dead
 * letters.
 *
 * <pre>{@code
 * PagerConfig pd = PagerConfig.pagerDuty().setRoutingKeyEnv("PAGERDUTY_ROUTING_KEY").build();
 * DataStream<DeadLetter> failed = PagerDelivery.attach(pages, pd);
 * failed.sinkTo(DeadLetterSinks.kafka()...build());
 * }</pre>
 *
 * <p>One operator per pager, parallelism 1 (a pager's rate budget is per key, and one sender keeps
 * the order of a page's TRIGGER, UPDATEs and RESOLVE). Pages waiting for delivery are part of the
 * operator's checkpoint, so after a restore they are sent again with the same dedup key.
 */
public final class PagerDelivery {
    private PagerDelivery() {}

    /** Adds the delivery operator {@code page via <name>} (uid {@code pager-deliver-<name>}). */
    public static DataStream<DeadLetter> attach(DataStream<PageEvent> pages, PagerConfig cfg) {
        long timeoutMs = PagerDeliveryFunction.operatorTimeout(cfg).toMillis();
        return AsyncDataStream.orderedWait(
                        pages,
                        new PagerDeliveryFunction(cfg),
                        timeoutMs,
                        TimeUnit.MILLISECONDS,
                        cfg.queueCapacity())
                .returns(new AvroTypeInfo<>(DeadLetter.class))
                .uid("pager-deliver-" + cfg.name())
                .name("page via " + cfg.name())
                .setParallelism(1);
    }
}
