package dev.recon.sinks;

import dev.recon.model.avro.DeadLetter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DeadLetterJson}: field names, round trip, key, and errors naming the bad field. */
class DeadLetterJsonTest {
    private static final byte[] PAYLOAD = {0, 1, 2, (byte) 0xff, (byte) 0xfe};

    @Test
    void encodesEveryFieldUnderItsSnakeCaseName() throws Exception {
        JsonNode n =
                new ObjectMapper()
                        .readTree(DeadLetterJson.encode(TestData.deadLetter(42, PAYLOAD)));

        assertThat(n.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly(
                        "stream",
                        "topic",
                        "partition",
                        "offset",
                        "kafka_timestamp",
                        "reason",
                        "payload_base64",
                        "detected_at");
        assertThat(n.get("stream").asText()).isEqualTo("payments");
        assertThat(n.get("topic").asText()).isEqualTo("payments");
        assertThat(n.get("partition").asInt()).isEqualTo(3);
        assertThat(n.get("offset").asLong()).isEqualTo(42L);
        assertThat(n.get("kafka_timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(n.get("reason").asText()).startsWith("undecodable");
        assertThat(n.get("payload_base64").asText()).isEqualTo("AAEC//4=");
        assertThat(n.get("detected_at").asLong()).isEqualTo(1_700_000_000_500L);
    }

    @Test
    void roundTripsWithAndWithoutPayload() {
        for (DeadLetter d :
                List.of(TestData.deadLetter(42, PAYLOAD), TestData.deadLetter(7, null))) {
            assertThat(DeadLetterJson.decode(DeadLetterJson.encode(d))).isEqualTo(d);
        }
    }

    @Test
    void nullPayloadIsJsonNull() throws Exception {
        JsonNode n =
                new ObjectMapper().readTree(DeadLetterJson.encode(TestData.deadLetter(7, null)));

        assertThat(n.get("payload_base64").isNull()).isTrue();
    }

    @Test
    void encodingDoesNotConsumeThePayloadBuffer() {
        DeadLetter d = TestData.deadLetter(1, PAYLOAD);
        ByteBuffer before = d.getPayload().duplicate();

        DeadLetterJson.encode(d);

        assertThat(d.getPayload()).isEqualTo(before);
        assertThat(d.getPayload().remaining()).isEqualTo(PAYLOAD.length);
    }

    @Test
    void keyIsTopicPartitionOffset() {
        assertThat(DeadLetterJson.key(TestData.deadLetter(42, PAYLOAD))).isEqualTo("payments/3/42");
    }

    @Test
    void decodeErrorsNameTheProblem() {
        assertDecodeFails("{not json", "not JSON");
        assertDecodeFails("[1]", "not an object");
        String good =
                new String(
                        DeadLetterJson.encode(TestData.deadLetter(1, PAYLOAD)),
                        StandardCharsets.UTF_8);
        assertDecodeFails(good.replace("\"stream\"", "\"streem\""), "'stream'");
        assertDecodeFails(good.replace("\"offset\":1", "\"offset\":\"1\""), "'offset'");
        assertDecodeFails(good.replace("AAEC//4=", "!!!"), "'payload_base64' is not base64");
    }

    private static void assertDecodeFails(String json, String message) {
        assertThatThrownBy(() -> DeadLetterJson.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
