package dev.recon.cluster;

import dev.recon.job.JobOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/flinkdeployment.yaml: fields the Flink Kubernetes Operator's v1beta1 CRD defines, only
 * real Flink 2.2 option keys, job args the job accepts, and no secret inline.
 */
class FlinkDeploymentManifestTest {
    private static final Path K8S = Path.of("..", "deploy", "k8s");
    // From the operator's CRD flinkdeployments.flink.apache.org (v1beta1) and FlinkDeploymentSpec.
    private static final Set<String> SPEC =
            Set.of(
                    "flinkConfiguration",
                    "flinkVersion",
                    "image",
                    "imagePullPolicy",
                    "ingress",
                    "job",
                    "jobManager",
                    "logConfiguration",
                    "mode",
                    "podTemplate",
                    "restartNonce",
                    "serviceAccount",
                    "taskManager");
    private static final Set<String> JOB =
            Set.of(
                    "allowNonRestoredState",
                    "args",
                    "autoscalerResetNonce",
                    "checkpointTriggerNonce",
                    "entryClass",
                    "initialSavepointPath",
                    "initialStateReference",
                    "jarURI",
                    "parallelism",
                    "savepointRedeployNonce",
                    "savepointTriggerNonce",
                    "state",
                    "upgradeMode");
    private static final Set<String> COMPONENT = Set.of("podTemplate", "replicas", "resource");
    // v2_0 from operator 1.11, v2_1 from 1.13 (FLINK-38147)
    private static final Set<String> FLINK_2_VERSIONS = Set.of("v2_0", "v2_1");
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir Path tmp;

    private static JsonNode read(String file) throws Exception {
        return YAML.readTree(K8S.resolve(file).toFile());
    }

    @Test
    void fieldsAreThoseOfTheOperatorsV1beta1Crd() throws Exception {
        JsonNode d = read("flinkdeployment.yaml");
        assertThat(d.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(d.path("kind").asText()).isEqualTo("FlinkDeployment");
        JsonNode spec = d.path("spec");
        assertThat(names(spec)).isSubsetOf(SPEC);
        assertThat(names(spec.path("job"))).isSubsetOf(JOB);
        assertThat(names(spec.path("jobManager"))).isSubsetOf(COMPONENT);
        assertThat(names(spec.path("taskManager"))).isSubsetOf(COMPONENT);
        assertThat(spec.path("flinkVersion").asText()).isIn(FLINK_2_VERSIONS);
        assertThat(spec.path("mode").asText()).isIn("native", "standalone");
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.path("job").path("state").asText()).isIn("running", "suspended");
        assertThat(spec.path("job").path("parallelism").isInt()).isTrue();
        assertThat(spec.path("job").path("jarURI").asText())
                .startsWith("local:///opt/flink/usrlib/");
        assertThat(Files.readString(K8S.resolve("Dockerfile")))
                .contains(spec.path("job").path("jarURI").asText().substring("local://".length()));
    }

    @Test
    void everyFlinkConfigurationKeyIsAFlink22OptionWithAStringValue() throws Exception {
        JsonNode conf = read("flinkdeployment.yaml").path("spec").path("flinkConfiguration");
        assertThat(names(conf)).isNotEmpty();
        for (String key : names(conf)) {
            assertThat(FlinkOptionKeys.isKnown(key)).as("%s is a Flink 2.2 option", key).isTrue();
            assertThat(conf.get(key).isTextual())
                    .as("%s is a string (the CRD's type)", key)
                    .isTrue();
        }
        assertThat(FlinkOptionKeys.isKnown("state.backend.typo")).isFalse();
        assertThat(FlinkOptionKeys.isKnown("metrics.reporter.prom.prot")).isFalse();
        assertThat(conf.path("state.backend.type").asText()).isEqualTo("rocksdb");
        assertThat(conf.path("execution.checkpointing.dir").asText()).startsWith("s3://");
        assertThat(conf.path("execution.checkpointing.savepoint-dir").asText()).startsWith("s3://");
        assertThat(conf.path("restart-strategy.type").asText()).isEqualTo("fixed-delay");
        assertThat(conf.path("metrics.reporter.prom.factory.class").asText())
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    }

    @Test
    void prometheusScrapesTheReportersPort() throws Exception {
        JsonNode spec = read("flinkdeployment.yaml").path("spec");
        JsonNode annotations = spec.path("podTemplate").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText())
                .isEqualTo(
                        spec.path("flinkConfiguration")
                                .path("metrics.reporter.prom.port")
                                .asText());
    }

    @Test
    void jobArgsParseWithTheJobsOwnParserAndTheSecretsKafkaFile() throws Exception {
        JsonNode spec = read("flinkdeployment.yaml").path("spec");
        Path kafkaFile = tmp.resolve("kafka.properties");
        Files.writeString(
                kafkaFile,
                read("secret.example.yaml").path("stringData").path("kafka.properties").asText());
        String mounted =
                spec.path("podTemplate")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("volumeMounts")
                        .get(0)
                        .path("mountPath")
                        .asText();
        List<String> args = new ArrayList<>();
        for (JsonNode a : spec.path("job").path("args")) {
            args.add(
                    a.asText().equals(mounted + "/kafka.properties")
                            ? kafkaFile.toString()
                            : a.asText());
        }
        assertThat(args).contains(kafkaFile.toString());
        JobOptions opts = JobOptions.parse(args.toArray(String[]::new));
        assertThat(opts.bootstrapServers()).isEqualTo("kafka-bootstrap.kafka.svc:9093");
        assertThat(opts.kafkaProperties().getProperty("security.protocol")).isEqualTo("SASL_SSL");
    }

    @Test
    void secretsComeOnlyFromTheSecret() throws Exception {
        String text = Files.readString(K8S.resolve("flinkdeployment.yaml"));
        assertThat(text).doesNotContainIgnoringCase("password").doesNotContain("sasl.jaas.config");
        JsonNode container =
                read("flinkdeployment.yaml")
                        .path("spec")
                        .path("podTemplate")
                        .path("spec")
                        .path("containers")
                        .get(0);
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().matches(".*(KEY|TOKEN|PASSWORD|SECRET).*")) {
                assertThat(env.has("value")).as(env.path("name").asText()).isFalse();
                assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asText())
                        .isEqualTo("recon-secrets");
            }
        }
        JsonNode secret = read("secret.example.yaml");
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("stringData").path("kafka.properties").asText())
                .contains("CHANGE_ME");
        assertThat(secret.path("stringData").path("pagerduty-routing-key").asText())
                .isEqualTo("CHANGE_ME");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
