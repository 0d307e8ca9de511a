package dev.recon.model;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossSpec;
import dev.recon.model.avro.StopLossTargetKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alert JSON contract: every field, the stop-loss object, and decoding errors. */
class AlertJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Alert alert(StopLossSpec stopLoss) {
        return Alert.newBuilder()
                .setAlertId("a1")
                .setAction(AlertAction.TRIGGER)
                .setRuleId("duplicate-bill")
                .setRuleSetVersion("v1")
                .setReconciliation("payments-vs-bills")
                .setSeverity(Severity.CRITICAL)
                .setMode(RuleMode.ENFORCE)
                .setKey("p-1")
                .setMerchantId("m-1")
                .setMessage("second bill")
                .setLeft(null)
                .setRight(Map.of("bill_id", "b-2"))
                .setAmountAtRiskMinor(1000)
                .setCurrency("USD")
                .setEventTime(1)
                .setDecidedAt(2)
                .setDetectedAt(3)
                .setStoploss(stopLoss)
                .build();
    }

    private static final StopLossSpec HOLD =
            new StopLossSpec(
                    StopLossAction.HOLD,
                    StopLossTargetKind.MERCHANT,
                    "m-1",
                    100_000L,
                    300_000L,
                    1_800_000L);

    @Test
    void theStopLossIsAnObjectWithLowerCaseEnums() throws Exception {
        JsonNode n = MAPPER.readTree(AlertJson.toJson(alert(HOLD)));
        assertThat(n.get("stoploss").toString())
                .isEqualTo(
                        "{\"action\":\"hold\",\"target_kind\":\"merchant\",\"target\":\"m-1\","
                                + "\"threshold_minor\":100000,\"window_ms\":300000,\"ttl_ms\":1800000}");
        assertThat(AlertJson.fromJson(AlertJson.toJson(alert(HOLD)))).isEqualTo(alert(HOLD));
    }

    @Test
    void noStopLossIsJsonNullAndAnOlderAlertWithoutTheKeyDecodes() throws Exception {
        byte[] json = AlertJson.toJson(alert(null));
        ObjectNode n = (ObjectNode) MAPPER.readTree(json);
        assertThat(n.has("stoploss")).isTrue();
        assertThat(n.get("stoploss").isNull()).isTrue();
        assertThat(AlertJson.fromJson(json)).isEqualTo(alert(null));
        n.remove("stoploss");
        assertThat(AlertJson.fromJson(MAPPER.writeValueAsBytes(n)).getStoploss()).isNull();
    }

    @Test
    void aRouteBlockRoundTrips() {
        StopLossSpec block =
                new StopLossSpec(
                        StopLossAction.BLOCK,
                        StopLossTargetKind.ROUTE,
                        "acquirer-7",
                        0L,
                        0L,
                        60_000L);
        assertThat(AlertJson.fromJson(AlertJson.toJson(alert(block))).getStoploss())
                .isEqualTo(block);
    }

    @Test
    void aBadStopLossNamesTheField() throws Exception {
        ObjectNode n = (ObjectNode) MAPPER.readTree(AlertJson.toJson(alert(HOLD)));
        ((ObjectNode) n.get("stoploss")).put("action", "freeze");
        assertThatThrownBy(() -> AlertJson.fromJson(MAPPER.writeValueAsBytes(n)))
                .hasMessageContaining("'stoploss.action' has an unknown value 'freeze'");
        ((ObjectNode) n.get("stoploss")).put("action", "block").put("ttl_ms", "soon");
        assertThatThrownBy(() -> AlertJson.fromJson(MAPPER.writeValueAsBytes(n)))
                .hasMessageContaining("'stoploss.ttl_ms'");
        n.put("stoploss", 5);
        assertThatThrownBy(() -> AlertJson.fromJson(MAPPER.writeValueAsBytes(n)))
                .hasMessageContaining("'stoploss' must be an object");
    }
}
