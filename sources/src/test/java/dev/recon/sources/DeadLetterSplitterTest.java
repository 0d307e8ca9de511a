package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

import static dev.recon.sources.TestRecords.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeadLetterSplitter} routes Right downstream and Left to the side output, counting them.
 */
class DeadLetterSplitterTest {

    @Test
    void routesRecordsAndDeadLettersAndCountsTheLatter() throws Exception {
        DeadLetterSplitter<PaymentEvent> splitter =
                new DeadLetterSplitter<>(new AvroTypeInfo<>(PaymentEvent.class));
        PaymentEvent p1 = payment("p-1", 100, "USD", 1_000L);
        PaymentEvent p2 = payment("p-2", 200, "EUR", 2_000L);
        DeadLetter d1 = deadLetter(7L);
        DeadLetter d2 = deadLetter(8L);

        try (OneInputStreamOperatorTestHarness<Either<DeadLetter, PaymentEvent>, PaymentEvent>
                harness = ProcessFunctionTestHarnesses.forProcessFunction(splitter)) {
            harness.processElement(Either.Right(p1), 1_000L);
            harness.processElement(Either.Left(d1), 1_500L);
            harness.processElement(Either.Right(p2), 2_000L);
            harness.processElement(Either.Left(d2), 2_500L);

            assertThat(harness.extractOutputValues()).containsExactly(p1, p2);
            assertThat(harness.getSideOutput(DeadLetterSplitter.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .containsExactly(d1, d2);
            assertThat(harness.getSideOutput(DeadLetterSplitter.DEAD_LETTERS))
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(1_500L, 2_500L);
            assertThat(splitter.deadLetteredCount()).isEqualTo(2);
        }
    }

    @Test
    void noDeadLettersMeansNoSideOutput() throws Exception {
        DeadLetterSplitter<PaymentEvent> splitter =
                new DeadLetterSplitter<>(new AvroTypeInfo<>(PaymentEvent.class));
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(splitter)) {
            harness.processElement(Either.Right(payment("p-1", 1, "USD", 1L)), 1L);

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)).isNull();
            assertThat(splitter.deadLetteredCount()).isZero();
            assertThat(splitter.getProducedType())
                    .isEqualTo(new AvroTypeInfo<>(PaymentEvent.class));
        }
    }

    private static DeadLetter deadLetter(long offset) {
        return DeadLetter.newBuilder()
                .setStream("payments")
                .setTopic("payments")
                .setPartition(0)
                .setOffset(offset)
                .setKafkaTimestamp(1_000L + offset)
                .setReason(DeadLetterReasons.UNDECODABLE + ": test")
                .setPayload(null)
                .setDetectedAt(5L)
                .build();
    }
}
