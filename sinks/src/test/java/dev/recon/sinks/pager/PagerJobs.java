package dev.recon.sinks.pager;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bounded job that delivers pages through {@link PagerDelivery} and collects dead letters.
 */
final class PagerJobs {
    private PagerJobs() {}

    /** Delivers the pages in order and returns the dead letters once every page is finished. */
    static List<DeadLetter> deliver(PagerConfig cfg, List<PageEvent> pages) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DataStream<PageEvent> stream =
                env.fromData(new AvroTypeInfo<>(PageEvent.class), pages.toArray(PageEvent[]::new));
        List<DeadLetter> out = new ArrayList<>();
        try (CloseableIterator<DeadLetter> it =
                PagerDelivery.attach(stream, cfg).executeAndCollect("pager test")) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
