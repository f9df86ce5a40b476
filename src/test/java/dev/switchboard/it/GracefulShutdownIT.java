package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.switchboard.support.stream.WireStreams;

/**
 * SIGTERM, as Kubernetes sends it to stop a pod, while a stream is being answered: readiness goes down
 * first, the stream still finishes whole, and only then does the gateway stop. The provider is a slow
 * OpenAI-format server on loopback that holds the rest of its answer until the test lets it go, so the
 * order of events is decided by the test, not by timing.
 */
class GracefulShutdownIT {

    private static final String MODEL = "slow-model";

    private final CountDownLatch rest = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer provider;
    private PackagedApp app;

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                List<String> events = WireStreams.openAi(MODEL, "one ", "two ", "three");
                write(out, events.subList(0, 2));
                if (rest.await(60, TimeUnit.SECONDS)) {
                    write(out, events.subList(2, events.size()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        provider.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        provider.start();
        // The production shutdown settings (delay 5 s, timeout 60 s); only the stream idle limit is raised,
        // so the held-back answer is never taken for a stalled stream on a slow machine.
        app = PackagedApp.start("quarkus.rest-client.openai-compatible.url=http://127.0.0.1:" + provider.getAddress().getPort() + "/v1",
                "switchboard.routing.stream-idle-timeout=60s");
    }

    private static void write(OutputStream out, List<String> events) throws IOException {
        for (String event : events) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @AfterEach
    void stop() throws Exception {
        rest.countDown();
        app.close();
        provider.stop(0);
    }

    @Test
    void readinessGoesDownFirstAndTheStreamInFlightFinishesBeforeTheGatewayStops() throws Exception {
        String base = app.baseUrl();
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> readStream(base, received));
        await().atMost(Duration.ofSeconds(30)).until(() -> String.join("", received).contains("one "));

        app.terminate();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(base + "/q/health/ready") == 503);
        String readiness = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(readiness).contains("\"name\": \"Graceful Shutdown\"").contains("\"status\": \"DOWN\"");
        assertThat(received).as("the stream is still open").noneMatch(line -> line.contains("[DONE]"));

        // After the delay the gateway waits for what is in flight: our stream.
        await().atMost(Duration.ofSeconds(30)).until(() -> app.output().contains("Waiting for HTTP requests to complete"));
        assertThat(app.endsWithin(Duration.ZERO)).isFalse();
        rest.countDown();

        stream.get(30, TimeUnit.SECONDS);
        String text = String.join("\n", received);
        assertThat(text).contains("one ").contains("two ").contains("three")
                .contains("\"finish_reason\":\"stop\"").endsWith("data: [DONE]");
        assertThat(app.endsWithin(Duration.ofSeconds(30))).as(app.output()).isTrue();
        assertThat(app.output()).contains("All HTTP requests complete").doesNotContain("Timed out waiting for graceful shutdown");
        assertThatThrownBy(() -> status(base + "/q/health/live")).isInstanceOf(ConnectException.class);
    }

    private void readStream(String base, List<String> received) {
        String body = "{\"model\":\"openai-compatible/" + MODEL + "\",\"stream\":true,\"fallbacks\":[],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to three\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isEmpty()) {
                        received.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
