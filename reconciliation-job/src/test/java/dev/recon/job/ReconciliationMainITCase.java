package dev.recon.job;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link ReconciliationMain} against the network: a broker that is not there. */
class ReconciliationMainITCase {
    private final ReconciliationMainTest cli = new ReconciliationMainTest();

    @Test
    void unreachableBrokerFailsFastWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long start = System.nanoTime();
        assertThat(cli.run("--bootstrap-servers", "127.0.0.1:" + port)).isEqualTo(2);
        assertThat(cli.err())
                .contains("cannot reach Kafka at 127.0.0.1:" + port)
                .contains("--bootstrap-servers");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to fail").isLessThan(30_000);
    }
}
