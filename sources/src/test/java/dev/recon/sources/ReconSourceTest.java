package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.types.Either;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.recon.sources.TestRecords.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** A built {@link ReconSource}: its types, boundedness, timestamps and watermarks. */
class ReconSourceTest {
    private final ManualClock clock = new ManualClock();
    private final List<Long> watermarks = new ArrayList<>();
    private boolean idle;

    @Test
    void typesAreAvroAndBoundednessFollowsTheBuilder() {
        ReconSource<PaymentEvent> source = ReconSourceBuilderTest.complete().build();

        assertThat(source.streamName()).isEqualTo("payments");
        assertThat(source.producedType())
                .isEqualTo(
                        new EitherTypeInfo<>(
                                new AvroTypeInfo<>(DeadLetter.class),
                                new AvroTypeInfo<>(PaymentEvent.class)));
        assertThat(source.recordType()).isEqualTo(new AvroTypeInfo<>(PaymentEvent.class));
        assertThat(source.kafkaSource().getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(
                        ReconSourceBuilderTest.complete()
                                .setBounded(OffsetsInitializer.latest())
                                .build()
                                .kafkaSource()
                                .getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void eventTimeComesFromTheRecordAndFromKafkaForDeadLetters() {
        TimestampAssigner<Either<DeadLetter, PaymentEvent>> assigner =
                ReconSourceBuilderTest.complete()
                        .build()
                        .watermarkStrategy()
                        .createTimestampAssigner(null);

        assertThat(assigner.extractTimestamp(Either.Right(payment("p", 1, "USD", 5_000L)), 9L))
                .isEqualTo(5_000L);
        DeadLetter dl =
                DeadLetter.newBuilder()
                        .setStream("s")
                        .setTopic("t")
                        .setPartition(0)
                        .setOffset(1)
                        .setKafkaTimestamp(7_000L)
                        .setReason("r")
                        .setDetectedAt(1)
                        .build();
        assertThat(assigner.extractTimestamp(Either.Left(dl), 9L)).isEqualTo(7_000L);
    }

    @Test
    void watermarkLagsByTheOutOfOrdernessAndAQuietPartitionGoesIdle() {
        WatermarkGenerator<Either<DeadLetter, PaymentEvent>> generator =
                ReconSourceBuilderTest.complete()
                        .setMaxOutOfOrderness(Duration.ofSeconds(3))
                        .setIdleTimeout(Duration.ofSeconds(2))
                        .build()
                        .watermarkStrategy()
                        .createWatermarkGenerator(context());
        WatermarkOutput output = recorder();

        generator.onEvent(Either.Right(payment("p", 1, "USD", 10_000L)), 10_000L, output);
        generator.onPeriodicEmit(output);
        assertThat(watermarks).last().isEqualTo(10_000L - 3_000L - 1);
        assertThat(idle).isFalse();

        long idleAfterMs = -1;
        for (long ms = 200; ms <= 5_000 && idleAfterMs < 0; ms += 200) {
            clock.advanceTime(Duration.ofMillis(200)); // Flink's default auto-watermark interval
            generator.onPeriodicEmit(output);
            idleAfterMs = idle ? ms : -1;
        }
        assertThat(idleAfterMs).as("idle once the timeout has passed").isBetween(2_000L, 2_400L);

        generator.onEvent(Either.Right(payment("p", 1, "USD", 12_000L)), 12_000L, output);
        generator.onPeriodicEmit(output);
        assertThat(idle).as("active again on a new record").isFalse();
        assertThat(watermarks).last().isEqualTo(12_000L - 3_000L - 1);
    }

    private WatermarkGeneratorSupplier.Context context() {
        return new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        };
    }

    private WatermarkOutput recorder() {
        return new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                watermarks.add(watermark.getTimestamp());
                idle = false;
            }

            @Override
            public void markIdle() {
                idle = true;
            }

            @Override
            public void markActive() {
                idle = false;
            }
        };
    }
}
