package dev.recon.job.paging;

import dev.recon.model.avro.Severity;

import java.time.Duration;

/**
 * How storm control pages.
 *
 * @param minSeverity the least severe alert that pages (ENFORCE alerts only; SHADOW never pages)
 * @param refresh how often an open page is re-sent: an UPDATE when it changed, else a REFRESH
 * @param expiry how long a page without activity is remembered; then it is forgotten unresolved
 * @param resolveAfterCheckpoint release resolves only after a checkpoint holds them (set when
 *     checkpointing is on)
 */
public record PagingSettings(
        Severity minSeverity, Duration refresh, Duration expiry, boolean resolveAfterCheckpoint) {}
