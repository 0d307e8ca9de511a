package dev.recon.job.paging;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.streaming.api.datastream.DataStream;

/** One pager the pages go to: its name, its rate budget and how pages are delivered to it. */
public interface PagerRoute {
    /** The pager's name, part of operator uids and metrics: keep it stable. */
    String name();

    /** Requests per minute this pager may receive. */
    int budgetPerMinute();

    /** Delivers the pages (at parallelism 1) and returns those that could not be delivered. */
    DataStream<DeadLetter> deliver(DataStream<PageEvent> pages);
}
