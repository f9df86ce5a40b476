package dev.switchboard.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator scraping /q/metrics sees after traffic: GenAI names, Switchboard's own, and no duplicated ft.* meters. */
@QuarkusTest
class GatewayMetricsTest extends GatewayTestBase {

    private static final String FALLBACK = "openai-compatible/llama-3.1-8b";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample with this name whose labels include these, summed over the rest; 0 when absent. */
    private static double value(String scrape, String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new TreeMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                have.put(label.group(1), label.group(2));
            }
            if (have.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    private static double delta(String before, String after, String name, String... labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    @Test
    void countsAFailoverByRouteOutcomeAndReason() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));
        String before = scrape();

        caller().body(chat("gpt-4o", FALLBACK)).post("/v1/chat/completions").then().statusCode(200);

        String after = scrape();
        assertThat(delta(before, after, "switchboard_requests_total", "switchboard_route", "gpt-4o", "outcome", "fallback"))
                .isEqualTo(1.0);
        assertThat(delta(before, after, "switchboard_fallbacks_total", "from", "gpt-4o", "to", FALLBACK,
                "reason", "server_error")).isEqualTo(1.0);
        // Both calls to the failing route, each tagged with what went wrong; the answer without an error type.
        assertThat(delta(before, after, "gen_ai_client_operation_duration_seconds_count", "gen_ai_operation_name", "chat",
                "gen_ai_provider_name", "openai", "gen_ai_request_model", "gpt-4o", "switchboard_route", "gpt-4o",
                "error_type", "server_error")).isEqualTo(2.0);
        assertThat(delta(before, after, "gen_ai_client_operation_duration_seconds_count", "gen_ai_provider_name",
                "openai_compatible", "gen_ai_request_model", "llama-3.1-8b", "gen_ai_response_model", "llama-3.1-8b",
                "error_type", "")).isEqualTo(1.0);
    }

    @Test
    void recordsTokensInAndOutFromTheProvidersUsage() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        String before = scrape();

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);

        String after = scrape();
        String[] input = { "gen_ai_token_type", "input", "switchboard_route", "gpt-4o",
            "gen_ai_response_model", "gpt-4o-2024-08-06" };
        assertThat(delta(before, after, "gen_ai_client_token_usage_count", input)).isEqualTo(1.0);
        assertThat(delta(before, after, "gen_ai_client_token_usage_sum", input)).isEqualTo(19.0);
        assertThat(delta(before, after, "gen_ai_client_token_usage_sum", "gen_ai_token_type", "output",
                "switchboard_route", "gpt-4o")).isEqualTo(10.0);
        assertThat(delta(before, after, "switchboard_requests_total", "switchboard_route", "gpt-4o", "outcome", "success"))
                .isEqualTo(1.0);
    }

    @Test
    void timesTheFirstChunkOfAStreamAndBillsItsFinalUsage() {
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).willReturn(WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(Fixtures.text("openai/chat-completion-stream.sse"))));
        String before = scrape();

        String body = caller().body(chatOnly("gpt-4o").replace("\"model\"", "\"stream\":true,\"model\""))
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();

        assertThat(body).contains("[DONE]");
        String after = scrape();
        assertThat(delta(before, after, "gen_ai_client_operation_time_to_first_chunk_seconds_count",
                "switchboard_route", "gpt-4o", "gen_ai_provider_name", "openai")).isEqualTo(1.0);
        assertThat(delta(before, after, "gen_ai_client_token_usage_sum", "gen_ai_token_type", "input",
                "switchboard_route", "gpt-4o")).isEqualTo(17.0);
        assertThat(delta(before, after, "gen_ai_client_operation_duration_seconds_count", "switchboard_route", "gpt-4o",
                "error_type", "")).isEqualTo(1.0);
    }

    @Test
    void usesTheGenAiBucketBoundaries() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);

        String scrape = scrape();
        for (String le : Arrays.asList("0.01", "0.16", "81.92")) {
            assertThat(scrape).containsPattern("gen_ai_client_operation_duration_seconds_bucket\\{[^}]*le=\"" + le + "\"");
        }
        for (String le : Arrays.asList("1.0", "1024.0", "6.7108864E7")) {
            assertThat(scrape).containsPattern("gen_ai_client_token_usage_bucket\\{[^}]*le=\"" + Pattern.quote(le) + "\"");
        }
    }

    @Test
    void showsRouteAvailabilityAndLeavesBreakersToFaultTolerance() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        assertThat(value(scrape(), "switchboard_route_available", "switchboard_route", "gpt-4o")).isEqualTo(1.0);

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(502);
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(502);

        String scrape = scrape();
        assertThat(value(scrape, "switchboard_route_available", "switchboard_route", "gpt-4o",
                "gen_ai_provider_name", "openai")).isEqualTo(0.0);
        assertThat(value(scrape, "switchboard_route_available", "switchboard_route", "claude-sonnet")).isEqualTo(1.0);
        assertThat(scrape).contains("ft_circuitbreaker_state_total").contains("ft_invocations_total");
        assertThat(scrape).doesNotContainPattern("(?m)^switchboard_[a-z_]*(breaker|circuit|timeout)");
        assertThat(scrape).doesNotContain(ProviderEmulator.OPENAI_KEY).doesNotContain(ProviderEmulator.GATEWAY_KEY);
    }

    @Test
    void upstreamCallsAreTimedOnceAsGenAiCallsNotAgainAsHttpClientRequests() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);

        String scrape = scrape();
        assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_count").contains("http_server_requests_seconds_count");
        assertThat(scrape).doesNotContain("http_client_requests");
    }
}
