package dev.recon.kafka;

import java.time.Duration;

/** A started broker, in its own JVM or in this one. */
interface RunningBroker {
    /** Whether it still serves. */
    boolean isAlive();

    /** Stops it, waiting up to {@code grace}. */
    void stop(Duration grace);

    /** Stops it at once, as {@code kill -9} would, leaving its data as it is. */
    void kill();
}
