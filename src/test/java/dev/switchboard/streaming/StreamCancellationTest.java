package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** A caller that goes away mid-stream takes the upstream request with it: the provider's connection is closed. */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class StreamCancellationTest extends StreamingTestBase {

    @Test
    void upstreamIsClosedWhenTheCallerLeaves() throws Exception {
        // A slow but healthy stream: never silent for as long as the idle limit, so only the caller leaving can end it.
        Script slow = Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello"));
        for (int i = 0; i < 8; i++) {
            slow.pause(900).events(WireStreams.openAiText("gpt-4o", " more"));
        }
        provider.on(OPENAI_CHAT, slow.events(WireStreams.openAi("gpt-4o", " done")).end());
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(streamed("gpt-4o"))).build();

        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] first = new byte[64];
        int read = response.body().read(first);
        response.body().close();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(first, 0, read, StandardCharsets.UTF_8)).startsWith("data: ");
        long until = System.currentTimeMillis() + 5000;
        while (!provider.hungUp().contains(OPENAI_CHAT) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(provider.hungUp()).contains(OPENAI_CHAT);
    }
}
