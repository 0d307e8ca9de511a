package dev.recon.loadgen;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LatencyStats}. */
class LatencyStatsTest {

    @Test
    void nearestRankPercentilesOfShuffledValues() {
        long[] values =
                LongStream.rangeClosed(1, 1_000).map(i -> (i * 7_919) % 1_000 + 1).toArray();
        LatencyStats s = LatencyStats.of(values);
        assertThat(s.count()).isEqualTo(1_000);
        assertThat(s.p50()).isEqualTo(500);
        assertThat(s.p99()).isEqualTo(990);
        assertThat(s.max()).isEqualTo(1_000);
    }

    @Test
    void singleValueIsEveryPercentileAndEmptyIsZero() {
        assertThat(LatencyStats.of(new long[] {42})).isEqualTo(new LatencyStats(1, 42, 42, 42));
        assertThat(LatencyStats.of(new long[0])).isEqualTo(LatencyStats.EMPTY);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        long[] values = {3, 1, 2};
        LatencyStats.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }
}
