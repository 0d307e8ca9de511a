package dev.recon.sinks.pager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PagerConfig}: defaults, errors that say what to set, and no secret in sight. */
class PagerConfigTest {
    private static final String SECRET = "S3CRETrout1ngKey0123456789abcdef";
    private static final String UNSET = "RECON_TEST_SURELY_UNSET_VARIABLE_42";

    @TempDir Path dir;

    @Test
    void pagerDutyNeedsARoutingKey() {
        assertThatThrownBy(() -> PagerConfig.pagerDuty().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setRoutingKeyEnv(")
                .hasMessageContaining("setRoutingKeyFile(");
    }

    @Test
    void missingEnvironmentVariableSaysWhatToSet() {
        assertThatThrownBy(() -> PagerConfig.pagerDuty().setRoutingKeyEnv(UNSET).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "environment variable "
                                + UNSET
                                + " is not set or empty: set it to the PagerDuty"
                                + " routing key (the integration key of an Events API v2 integration)");
    }

    @Test
    void missingOrEmptyFileSaysWhatToWrite() throws Exception {
        Path missing = dir.resolve("nope");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> PagerConfig.pagerDuty().setRoutingKeyFile(missing).build())
                .hasMessageContaining(
                        "file " + missing + " does not exist: write the PagerDuty routing key");
        assertThatThrownBy(
                        () ->
                                PagerConfig.webhook()
                                        .setUrl("http://h/x")
                                        .setTokenFile(empty)
                                        .build())
                .hasMessageContaining("is empty: write the webhook bearer token into it");
    }

    @Test
    void defaultsAndNoSecretInToStringOrSerializedForm() throws Exception {
        Path key = Files.writeString(dir.resolve("pd.key"), SECRET + "\n");

        PagerConfig cfg = PagerConfig.pagerDuty().setRoutingKeyFile(key).build();

        assertThat(cfg.name()).isEqualTo("pagerduty");
        assertThat(cfg.url()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(cfg.source()).isEqualTo("recon");
        assertThat(cfg.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cfg.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(cfg.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cfg.giveUpAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(cfg.queueCapacity()).isEqualTo(1000);
        assertThat(cfg.resendHorizon()).isEqualTo(Duration.ofMinutes(5));
        assertThat(cfg.secret().read()).isEqualTo(SECRET);
        assertThat(cfg.toString()).doesNotContain(SECRET).contains("secret=file:" + key);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cfg);
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    @Test
    void urlsAreRequiredAndChecked() {
        assertThatThrownBy(() -> PagerConfig.alertmanager().build())
                .hasMessageContaining("setUrl(\"http://127.0.0.1:9093\")");
        assertThatThrownBy(() -> PagerConfig.webhook().setUrl("ftp://x/y").build())
                .hasMessageContaining("needs an http(s) URL");
        assertThat(
                        PagerConfig.alertmanager()
                                .setUrl("http://am:9093")
                                .setName("am-eu")
                                .build()
                                .name())
                .isEqualTo("am-eu");
    }

    @Test
    void secretsBelongToTheirProtocolAndTimingsAreChecked() {
        assertThatThrownBy(() -> PagerConfig.alertmanager().setRoutingKeyEnv("X"))
                .hasMessageContaining("applies to pagerduty pagers only");
        assertThatThrownBy(
                        () ->
                                PagerConfig.webhook()
                                        .setUrl("http://h/x")
                                        .setMaxBackoff(Duration.ofMillis(10))
                                        .build())
                .hasMessageContaining("setMaxBackoff(..) must be at least setInitialBackoff(..)");
        assertThatThrownBy(
                        () ->
                                PagerConfig.webhook()
                                        .setUrl("http://h/x")
                                        .setQueueCapacity(0)
                                        .build())
                .hasMessageContaining("setQueueCapacity");
    }

    @Test
    void toStringHidesUrlCredentialsAndQuery() {
        PagerConfig cfg =
                PagerConfig.webhook().setUrl("https://user:pw@hooks.example/x?token=abc").build();

        assertThat(cfg.toString())
                .contains("https://hooks.example/x")
                .doesNotContain("pw")
                .doesNotContain("abc");
    }
}
