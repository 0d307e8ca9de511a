package dev.recon.job.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for the stop-loss commands: bad input says what to fix; audit lines read well. */
class StopLossCliTest {

    @Test
    void unblockRejectsATargetWithoutKindOrAnUnknownKind() {
        assertThat(unblock("--target", "m-1", "--by", "alice", "--reason", "x"))
                .contains("--target must look like kind:value");
        assertThat(unblock("--target", "shop:m-1", "--by", "alice", "--reason", "x"))
                .contains("target_kind must be merchant, channel or route, got 'shop'");
    }

    @Test
    void unblockNeedsWhoAndWhy() {
        assertThat(unblock("--target", "merchant:m-1", "--reason", "x"))
                .contains("--by is required");
        assertThat(unblock("--target", "merchant:m-1", "--by", "alice"))
                .contains("--reason is required");
    }

    @Test
    void tailPrintsOneLinePerRecordAndSaysWhatIsNotOne() {
        String block =
                "{\"schema_version\":1,\"command_id\":\"c1\",\"command\":\"BLOCK\","
                        + "\"outcome\":\"ISSUED\",\"mode\":\"dry_run\",\"target_kind\":\"merchant\","
                        + "\"target\":\"m-1\",\"action\":\"BLOCK\",\"issued_at\":0,\"expires_at\":1000,"
                        + "\"rule_id\":\"amount-match\",\"reason\":\"rule amount-match\","
                        + "\"evidence_alert_ids\":[]}";
        assertThat(StopLossTail.line(block))
                .contains("dry_run", "ISSUED", "BLOCK", "merchant:m-1", "rule=amount-match");
        assertThat(StopLossTail.line("{\"outcome\":\"REJECTED\",\"reason\":\"bad\"}"))
                .contains("REJECTED", "bad");
        assertThat(StopLossTail.line("garbage")).startsWith("(not a stop-loss record");
    }

    private static String unblock(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-servers";
        all[1] = "127.0.0.1:1";
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                StopLossUnblock.run(
                        all, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).isEqualTo(2);
        return err.toString();
    }
}
