package dev.recon.job;

import dev.recon.job.cli.UsageException;
import dev.recon.job.paging.Paging;
import dev.recon.job.testing.LocalJobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pager flags: what is active, and errors that say what to set. */
class PagingOptionsTest {
    @TempDir Path tmp;

    @Test
    void noPagersByDefault() throws Exception {
        JobOptions o = LocalJobs.options("--bootstrap-servers", "h:9092");
        assertThat(o.paging().pagers()).isEmpty();
        assertThat(o.paging().paging(true).enabled()).isFalse();
    }

    @Test
    void pagerDutyWithoutItsKeySaysWhatToSet() {
        assertThatThrownBy(
                        () ->
                                LocalJobs.options(
                                        "--bootstrap-servers", "h:9092",
                                        "--pagers", "pagerduty",
                                        "--pagerduty-routing-key-env", "RECON_TEST_UNSET_VARIABLE"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("export RECON_TEST_UNSET_VARIABLE=")
                .hasMessageContaining("--pagerduty-routing-key-file");
    }

    @Test
    void anUnknownPagerIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(
                        () ->
                                LocalJobs.options(
                                        "--bootstrap-servers", "h:9092", "--pagers", "opsgenie"))
                .hasMessageContaining("unknown pager 'opsgenie'")
                .hasMessageContaining("pagerduty, alertmanager, webhook");
    }

    @Test
    void aWebhookNeedsItsUrl() {
        assertThatThrownBy(
                        () ->
                                LocalJobs.options(
                                        "--bootstrap-servers", "h:9092", "--pagers", "webhook"))
                .hasMessageContaining("--webhook-url");
    }

    @Test
    void everyAlertmanagerReplicaAndPagerDutyGetARouteAndNoSecretIsPrinted() throws Exception {
        Path key = Files.writeString(tmp.resolve("key"), "SECRET-ROUTING-KEY-0123456789abcd");
        JobOptions o =
                LocalJobs.options(
                        "--bootstrap-servers", "h:9092",
                        "--pagers", "alertmanager,pagerduty",
                        "--alertmanager-url", "http://am-1:9093, http://am-2:9093",
                        "--pagerduty-routing-key-file", key.toString());
        Paging paging = o.paging().paging(true);
        assertThat(paging.enabled()).isTrue();
        assertThat(o.paging().routes())
                .extracting(r -> r.name())
                .containsExactly("alertmanager", "alertmanager-2", "pagerduty");
        assertThat(o.toString() + o.paging()).doesNotContain("SECRET-ROUTING-KEY");
    }

    @Test
    void aBadAlertmanagerUrlIsAUsageError() {
        assertThatThrownBy(
                        () ->
                                LocalJobs.options(
                                        "--bootstrap-servers", "h:9092",
                                        "--pagers", "alertmanager",
                                        "--alertmanager-url", "am-1:9093"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--pagers alertmanager: ");
    }
}
