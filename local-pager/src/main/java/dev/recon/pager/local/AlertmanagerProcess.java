package dev.recon.pager.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) as a child process on
 * 127.0.0.1, routing every alert to one webhook, grouped by alertname, rule and merchant_id.
 *
 * <pre>{@code
 * try (WebhookReceiver hook = WebhookReceiver.start();
 *         AlertmanagerProcess am =
 *                 AlertmanagerProcess.builder().setWebhookUrl(hook.url()).build().start()) {
 *     String url = am.url(); // http://127.0.0.1:<port>; POST alerts to url + "/api/v2/alerts"
 * }
 * }</pre>
 */
public final class AlertmanagerProcess implements AutoCloseable {
    static final String BINARY = "prometheus-alertmanager";
    static final String NOT_FOUND =
            "prometheus-alertmanager not found on PATH; install it: sudo apt-get install"
                    + " prometheus-alertmanager (Debian/Ubuntu). .ci/run installs it.";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final AlertmanagerSettings settings;
    private Path dir;
    private Process process;
    private int port;

    AlertmanagerProcess(AlertmanagerSettings settings) {
        this.settings = settings;
    }

    /** A builder; only the webhook URL is required. */
    public static AlertmanagerSettings.Builder builder() {
        return new AlertmanagerSettings.Builder();
    }

    /**
     * Writes the configuration, starts the process and waits until it is ready.
     *
     * @throws IllegalStateException if the binary is missing or it does not become ready
     */
    public AlertmanagerProcess start() {
        Path binary =
                ProcessFiles.findBinary(BINARY)
                        .orElseThrow(() -> new IllegalStateException(NOT_FOUND));
        try {
            dir = Files.createTempDirectory("alertmanager-");
            port = settings.port() != 0 ? settings.port() : freePort();
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(
                    config,
                    AlertmanagerConfigFile.render(
                            settings.webhookUrl(), settings.groupWait(), settings.groupInterval()));
            process =
                    new ProcessBuilder(command(binary, config))
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("alertmanager.log").toFile())
                            .start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
        awaitReady();
        return this;
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** The process' log file (stdout and stderr). */
    public Path logFile() {
        return dir.resolve("alertmanager.log");
    }

    /** Stops the process by its PID (SIGTERM, then SIGKILL after 10 s) and deletes its folder. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            ProcessFiles.deleteTree(dir);
        }
    }

    private List<String> command(Path binary, Path config) {
        return List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=");
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready =
                HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                        .timeout(Duration.ofSeconds(1))
                        .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(50);
        }
        String why =
                process.isAlive()
                        ? "not ready after " + READY_TIMEOUT.toSeconds() + " s"
                        : "exited with " + process.exitValue();
        String log = ProcessFiles.tail(logFile(), 30);
        close();
        throw new IllegalStateException(
                BINARY + " on port " + port + " " + why + "; its log ends with:\n" + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
