package dev.switchboard.agentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A route whose model cannot take images ({@code vision=false}) is skipped for a request with one, without a call. */
@QuarkusTest
@TestProfile(VisionRoutesTest.TextOnlyRoute.class)
class VisionRoutesTest extends GatewayTestBase {

    public static class TextOnlyRoute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "switchboard.routes.llama-text.provider", "openai-compatible",
                    "switchboard.routes.llama-text.model", "llama-3.1-8b",
                    "switchboard.routes.llama-text.vision", "false");
        }
    }

    private static final String IMAGE = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\",\"detail\":\"high\"}}]}";

    @Test
    void aRequestWithAnImageSkipsTheTextOnlyRouteWithoutCallingIt() throws Exception {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        caller().body("{\"model\":\"llama-text\",\"fallbacks\":[\"gpt-4o\"],\"messages\":[" + IMAGE + "]}")
                .post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o").header("x-switchboard-attempts", "1");

        assertThat(calls(COMPATIBLE_CHAT)).isEmpty();
        JsonNode image = Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString())
                .path("messages").get(0).path("content").get(1);
        assertThat(image.path("image_url").path("url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(image.path("image_url").path("detail").asText()).isEqualTo("high");
    }

    @Test
    void withOnlyTheTextOnlyRouteTheCallerGetsA400NamingWhy() {
        caller().body("{\"model\":\"llama-text\",\"fallbacks\":[],\"messages\":[" + IMAGE + "]}")
                .post("/v1/chat/completions").then()
                .statusCode(400)
                .body("error.code", equalTo("unsupported_parameter"))
                .body("error.message", containsString("does not take images (vision=false)"));
        assertThat(totalCalls()).isZero();
    }

    @Test
    void textStillGoesToTheTextOnlyRoute() {
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chatOnly("llama-text")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "llama-text");
    }
}
