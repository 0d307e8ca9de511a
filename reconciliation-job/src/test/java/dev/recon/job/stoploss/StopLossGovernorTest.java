package dev.recon.job.stoploss;

import dev.recon.model.StopLossJson;
import dev.recon.model.StopLossJson.UnblockRequest;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossCommandType;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossOutcome;
import dev.recon.model.avro.StopLossProposal;
import dev.recon.model.avro.StopLossTargetKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recon.job.stoploss.StopLossFixtures.TTL;
import static dev.recon.job.stoploss.StopLossFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Tests for {@link StopLossGovernor}: TTL, renew, cap, modes, unblock, bad requests. */
class StopLossGovernorTest {
    private KeyedTwoInputStreamOperatorTestHarness<
                    String, StopLossProposal, String, StopLossCommand>
            h;

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void aBlockLapsesAtItsTtlUnlessRenewed() throws Exception {
        h = harness(StopLossMode.ENFORCE, 20);
        h.setProcessingTime(1_000);
        propose(proposal("p1", "m-1", StopLossAction.BLOCK));
        StopLossCommand block = single();
        assertThat(block.getCommand()).isEqualTo(StopLossCommandType.BLOCK);
        assertThat(block.getOutcome()).isEqualTo(StopLossOutcome.ISSUED);
        assertThat(block.getExpiresAt()).isEqualTo(1_000 + TTL);
        assertThat(block.getEvidenceAlertIds()).containsExactly("a1", "a2");
        assertThat(block.getReason()).contains("12 breaks", "5000.00 USD at risk");
        assertThat(StopLossStage.published(block)).isTrue();

        h.setProcessingTime(1_000 + TTL / 2);
        propose(proposal("p2", "m-1", StopLossAction.BLOCK));
        StopLossCommand renew = single();
        assertThat(renew.getCommand()).isEqualTo(StopLossCommandType.RENEW);
        assertThat(renew.getExpiresAt()).isEqualTo(1_000 + TTL / 2 + TTL);
        assertThat(h.numProcessingTimeTimers()).as("the old expiry timer is gone").isEqualTo(1);

        h.setProcessingTime(1_000 + TTL);
        assertThat(h.extractOutputValues()).as("renewed: not expired yet").isEmpty();
        h.setProcessingTime(1_000 + TTL / 2 + TTL);
        StopLossCommand expire = single();
        assertThat(expire.getCommand()).isEqualTo(StopLossCommandType.EXPIRE);
        assertThat(expire.getAction()).isEqualTo(StopLossAction.BLOCK);
        assertThat(expire.getActiveCount()).isZero();
        assertZeroStateAndTimers();
    }

    @Test
    void theCapRefusesNewTargetsButRenewsActiveOnes() throws Exception {
        h = harness(StopLossMode.ENFORCE, 2);
        propose(proposal("p1", "m-1", StopLossAction.BLOCK));
        propose(proposal("p2", "m-2", StopLossAction.HOLD));
        propose(proposal("p3", "m-3", StopLossAction.BLOCK));
        propose(proposal("p4", "m-1", StopLossAction.BLOCK));
        assertThat(h.extractOutputValues())
                .extracting(
                        StopLossCommand::getTarget,
                        StopLossCommand::getCommand,
                        StopLossCommand::getOutcome,
                        StopLossCommand::getActiveCount)
                .containsExactly(
                        tuple("m-1", StopLossCommandType.BLOCK, StopLossOutcome.ISSUED, 1),
                        tuple("m-2", StopLossCommandType.HOLD, StopLossOutcome.ISSUED, 2),
                        tuple("m-3", StopLossCommandType.BLOCK, StopLossOutcome.REFUSED_CAP, 2),
                        tuple("m-1", StopLossCommandType.RENEW, StopLossOutcome.RENEWED, 2));
        h.getOutput().clear();
        h.setProcessingTime(TTL);
        assertThat(h.extractOutputValues())
                .extracting(StopLossCommand::getTarget, StopLossCommand::getCommand)
                .containsExactlyInAnyOrder(
                        tuple("m-1", StopLossCommandType.EXPIRE),
                        tuple("m-2", StopLossCommandType.EXPIRE));
        h.getOutput().clear();
        propose(proposal("p5", "m-3", StopLossAction.BLOCK));
        assertThat(single().getOutcome())
                .as("room again after expiry")
                .isEqualTo(StopLossOutcome.ISSUED);
    }

    @Test
    void dryRunDecidesTheSameButPublishesNothing() throws Exception {
        h = harness(StopLossMode.DRY_RUN, 1);
        propose(proposal("p1", "m-1", StopLossAction.BLOCK));
        propose(proposal("p2", "m-2", StopLossAction.BLOCK));
        h.setProcessingTime(TTL);
        List<StopLossCommand> out = h.extractOutputValues();
        assertThat(out)
                .extracting(StopLossCommand::getOutcome)
                .containsExactly(
                        StopLossOutcome.ISSUED,
                        StopLossOutcome.REFUSED_CAP,
                        StopLossOutcome.EXPIRED);
        assertThat(out)
                .allSatisfy(
                        c -> {
                            assertThat(c.getMode()).isEqualTo(StopLossMode.DRY_RUN);
                            assertThat(StopLossStage.published(c)).isFalse();
                        });
        assertZeroStateAndTimers();
    }

    @Test
    void enforceAndDryRunGiveTheSameIdsForTheSameDecision() throws Exception {
        h = harness(StopLossMode.ENFORCE, 5);
        propose(proposal("p1", "m-1", StopLossAction.BLOCK));
        String enforced = single().getCommandId();
        h.close();
        h = harness(StopLossMode.ENFORCE, 5);
        h.setProcessingTime(77); // a replay, later
        propose(proposal("p1", "m-1", StopLossAction.BLOCK));
        assertThat(single().getCommandId()).as("deterministic, not by clock").isEqualTo(enforced);
    }

    @Test
    void unblockEndsTheActionAndAnInactiveTargetIsOnlyAudited() throws Exception {
        h = harness(StopLossMode.ENFORCE, 20);
        propose(proposal("p1", "m-1", StopLossAction.HOLD));
        single();
        request(
                new UnblockRequest(StopLossTargetKind.MERCHANT, "m-1", "alice", "refund found")
                        .toJson());
        StopLossCommand unblock = single();
        assertThat(unblock.getCommand()).isEqualTo(StopLossCommandType.UNBLOCK);
        assertThat(unblock.getOutcome()).isEqualTo(StopLossOutcome.UNBLOCKED);
        assertThat(unblock.getAction()).isEqualTo(StopLossAction.HOLD);
        assertThat(unblock.getRequestedBy()).isEqualTo("alice");
        assertThat(unblock.getReason()).isEqualTo("refund found");
        assertThat(StopLossStage.published(unblock)).isTrue();
        assertZeroStateAndTimers();

        request(new UnblockRequest(StopLossTargetKind.MERCHANT, "m-1", "bob", "again").toJson());
        StopLossCommand none = single();
        assertThat(none.getOutcome()).isEqualTo(StopLossOutcome.NOT_ACTIVE);
        assertThat(StopLossStage.published(none)).isFalse();
        assertThat(new ObjectMapper().readTree(StopLossJson.toJson(none)).get("action").isNull())
                .isTrue();
        h.setProcessingTime(2 * TTL);
        assertThat(h.extractOutputValues()).as("no expiry after an unblock").isEmpty();
    }

    @Test
    void aMalformedRequestIsAuditedWithWhatIsWrong() throws Exception {
        h = harness(StopLossMode.ENFORCE, 20);
        request("not json");
        request("{\"command\":\"unblock\",\"target_kind\":\"shop\",\"target\":\"m-1\"}");
        request("{\"command\":\"block\"}");
        assertThat(h.extractOutputValues()).isEmpty();
        List<JsonNode> audit =
                h.getSideOutput(StopLossGovernor.REJECTED).stream()
                        .map(StreamRecord::getValue)
                        .map(StopLossGovernorTest::json)
                        .toList();
        assertThat(audit).extracting(n -> n.get("outcome").asText()).containsOnly("REJECTED");
        assertThat(audit)
                .extracting(n -> n.get("reason").asText())
                .satisfiesExactly(
                        r -> assertThat(r).contains("not JSON"),
                        r ->
                                assertThat(r)
                                        .contains("target_kind must be merchant, channel or route")
                                        .contains("requested_by is required")
                                        .contains("reason is required"),
                        r -> assertThat(r).contains("command must be \"unblock\""));
        assertThat(audit.get(1).get("request").asText()).contains("shop");
        assertZeroStateAndTimers();
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, StopLossProposal, String, StopLossCommand>
            harness(StopLossMode mode, int cap) throws Exception {
        var harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new StopLossGovernor(mode, cap)),
                        (StopLossProposal p) -> StopLossGovernor.KEY,
                        (String r) -> StopLossGovernor.KEY,
                        Types.STRING);
        harness.open();
        return harness;
    }

    private void propose(StopLossProposal p) throws Exception {
        h.processElement1(p, 0L);
    }

    private void request(String json) throws Exception {
        h.processElement2(json, 0L);
    }

    /** The one command emitted since the last call. */
    private StopLossCommand single() {
        List<StopLossCommand> out = h.extractOutputValues();
        h.getOutput().clear();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private void assertZeroStateAndTimers() {
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("processing-time timers").isZero();
    }
}
