package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageEvent;

import java.time.Instant;
import java.util.Optional;

/** Turns a page event into one pager request, or nothing when the protocol skips it. */
public interface PageRenderer {
    /** The request for this page at this time; empty when this protocol does not send it. */
    Optional<PagerRequest> render(PageEvent page, Instant now);
}
