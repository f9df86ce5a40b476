package dev.switchboard.degraded;

import dev.switchboard.support.GatewayTestBase;
import io.restassured.response.ValidatableResponse;

/**
 * What the degraded-mode tests share (each runs under {@code DegradedProfile}): a request with two
 * routes, {@code gpt-4o} then {@link #FALLBACK}, both failing; and what degraded mode answers.
 */
abstract class DegradedTestBase extends GatewayTestBase {

    static final String FALLBACK = "openai-compatible/llama-3.1-8b";
    static final String GENERAL = "I'm experiencing technical difficulties. Please try again in a few minutes.";
    /** The answer of the OpenAI fixture {@code chat-completion.json}. */
    static final String FIXTURE_ANSWER = "Hello! How can I assist you today?";

    /** Both routes of {@code chat("gpt-4o", FALLBACK)} fail, each after its retry. */
    void everyRouteFails() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"));
    }

    /** Posts a request body as the usual caller, with request headers as name, value pairs. */
    static ValidatableResponse post(String body, String... headers) {
        var request = caller();
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.body(body).post("/v1/chat/completions").then();
    }
}
