package dev.recon.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link BrokerConfigFiles}. */
class BrokerConfigFilesTest {

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(BrokerConfigFiles.clusterId()).hasSize(22).doesNotStartWith("-");
        }
    }
}
