package dev.switchboard.cost;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.security.Callers;
import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Streams carry no cost header (it would have to precede the first byte), but are billed from their
 * final usage: a continued stream bills each call that reported usage, each at its own route's price.
 */
@QuarkusTest
@TestProfile(StreamSpendTest.PricedContinuation.class)
class StreamSpendTest extends StreamingTestBase {

    /** The streaming set-up, with a price on the route that continues broken streams. */
    public static class PricedContinuation extends StreamingProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("switchboard.routes.vllm.input-price", "0.20");
            config.put("switchboard.routes.vllm.output-price", "0.80");
            return config;
        }
    }

    @Inject
    SpendLedger ledger;

    @BeforeEach
    void forgetSpend() {
        ledger.reset();
    }

    @Test
    void aStreamIsBilledFromItsFinalUsage() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o", "Hello", " world")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o"));

        assertThat(reply.content()).isEqualTo("Hello world");
        assertThat(reply.header("x-switchboard-cost-usd")).isNull();
        // 12 input at $2.50/M + 2 output at $10/M
        given().get("/admin/spend").then().statusCode(200)
                .body("total.requests", equalTo(1))
                .body("total.usd", equalTo("0.00005"))
                .body("routes[0].route", equalTo("gpt-4o"))
                .body("routes[0].input_tokens", equalTo(12))
                .body("routes[0].output_tokens", equalTo(2))
                .body("callers[0].caller", equalTo(Callers.idOf(ProviderEmulator.GATEWAY_KEY)));
    }

    /**
     * The cut call reported no usage before it broke (OpenAI sends usage after the finish), so only the
     * continuation is billed, at vllm's price: 12 input at $0.20/M + 2 output at $0.80/M.
     */
    @Test
    void aContinuedStreamIsBilledAtTheContinuingRoutesPrice() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT,
                Script.stream().events(WireStreams.openAi(StreamingProfile.VLLM_MODEL, "ld", "!")).end());

        StreamedReply reply = StreamedReply.post(streamed("gpt-4o", true, StreamingProfile.VLLM));

        assertThat(reply.content()).isEqualTo("Hello world!");
        given().get("/admin/spend").then().statusCode(200)
                .body("total.requests", equalTo(1))
                .body("total.calls", equalTo(1))
                .body("total.usd", equalTo("0.000004"))
                .body("routes.size()", equalTo(1))
                .body("routes[0].route", equalTo(StreamingProfile.VLLM))
                .body("routes[0].usd", equalTo("0.000004"));
    }

    /**
     * Anthropic reports the input in message_start, so a Claude stream cut before its end is still billed
     * for it: 12 input at $3/M + the 1 output token message_start counts at $15/M.
     */
    @Test
    void aCutClaudeStreamIsBilledForTheInputItReportedAtItsStart() {
        provider.on(ANTHROPIC_MESSAGES, Script.stream()
                .events(WireStreams.anthropicStart("claude-sonnet-4-5-20250929", "Hello", " wor")).cut());

        // The ad-hoc compatible route may not continue, so the break reaches the caller.
        StreamedReply reply = StreamedReply.post(streamed("claude-sonnet", "openai-compatible/llama-3.1-8b"));

        assertThat(reply.error()).isPresent();
        given().get("/admin/spend").then().statusCode(200)
                .body("total.usd", equalTo("0.000051"))
                .body("routes[0].route", equalTo("claude-sonnet"))
                .body("routes[0].input_tokens", equalTo(12))
                .body("routes[0].output_tokens", equalTo(1));
    }
}
