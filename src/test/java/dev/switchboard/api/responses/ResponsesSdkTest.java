package dev.switchboard.api.responses;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseTextConfig;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.OpenAiSdk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official OpenAI Java SDK's {@code client.responses()}, pointed at Switchboard and otherwise
 * unchanged: whole answers, a function-call round trip (on OpenAI and on Anthropic), structured output
 * and failover, all through the chat routes and their providers (streams: {@link ResponsesSdkStreamsTest}).
 */
@QuarkusTest
class ResponsesSdkTest extends GatewayTestBase {

    static final String FALLBACK = "openai-compatible/llama-3.1-8b";

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client() {
        return OpenAiSdk.client(gateway);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder events(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.text(fixture));
    }

    static ResponseCreateParams.Builder ask(String model, String... fallbacks) {
        return ResponseCreateParams.builder().model(model).input("Say hi")
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of(fallbacks)));
    }

    static String text(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isMessage)
                .flatMap(item -> item.asMessage().content().stream())
                .map(content -> content.asOutputText().text()).collect(Collectors.joining());
    }

    /** The model as the SDK reads it: a known chat model, or any string. */
    static String model(Response response) {
        return response.model().string().orElseGet(() -> response.model().chat().orElseThrow().asString());
    }

    private static List<ResponseFunctionToolCall> calls(Response response) {
        return response.output().stream().filter(ResponseOutputItem::isFunctionCall).map(ResponseOutputItem::asFunctionCall)
                .toList();
    }

    private static FunctionTool weatherTool() {
        return FunctionTool.builder().name("get_weather").description("Current weather in a city").strict(false)
                .parameters(FunctionTool.Parameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build())
                .build();
    }

    private JsonNode sent(String path, int call) throws Exception {
        return Fixtures.JSON.readTree(calls(path).get(call).getBodyAsString());
    }

    @Test
    void createsAResponse() throws Exception {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        HttpResponseFor<Response> raw = client().responses().withRawResponse().create(ask("gpt-4o")
                .instructions("Be brief.").maxOutputTokens(64).temperature(0.2).build());
        Response response = raw.parse().validate();

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().values("x-switchboard-route")).containsExactly("gpt-4o");
        assertThat(raw.headers().values("x-switchboard-attempts")).containsExactly("1");
        assertThat(raw.headers().values("x-switchboard-cost-usd")).hasSize(1);
        assertThat(response.id()).startsWith("resp_");
        assertThat(response.status()).contains(ResponseStatus.COMPLETED);
        assertThat(model(response)).isEqualTo("gpt-4o-2024-08-06");
        assertThat(text(response)).isEqualTo("Hello! How can I assist you today?");
        assertThat(response.usage().orElseThrow().totalTokens()).isEqualTo(29);
        assertThat(response.instructions().orElseThrow().asString()).isEqualTo("Be brief.");
        assertThat(response.maxOutputTokens()).contains(64L);
        JsonNode upstream = sent(OPENAI_CHAT, 0);
        assertThat(upstream.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(upstream.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(upstream.path("messages").get(1).path("content").asText()).isEqualTo("Say hi");
        assertThat(upstream.path("max_completion_tokens").asInt(upstream.path("max_tokens").asInt())).isEqualTo(64);
    }

    @Test
    void aFunctionCallRoundTrip() throws Exception {
        stub(OPENAI_CHAT, json(Fixtures.text("openai/chat-completion-tool-calls.json")));
        EasyInputMessage question = EasyInputMessage.builder().role(EasyInputMessage.Role.USER)
                .content("Weather in Lisbon and Porto?").build();

        Response first = client().responses().create(ResponseCreateParams.builder().model("gpt-4o")
                .inputOfResponse(List.of(ResponseInputItem.ofEasyInputMessage(question))).addTool(weatherTool())
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of())).build()).validate();

        List<ResponseFunctionToolCall> calls = calls(first);
        assertThat(calls).extracting(ResponseFunctionToolCall::callId)
                .containsExactly("call_Qm3vT8sLp2Wc9YsHd4FjZaB1", "call_Rn4wU9tMq3Xd0ZtIe5GkAbC2");
        assertThat(calls.get(1).arguments()).isEqualTo("{\"city\":\"Porto\",\"unit\":\"celsius\"}");
        assertThat(calls.get(0).name()).isEqualTo("get_weather");
        assertThat(sent(OPENAI_CHAT, 0).path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");

        emulator.resetAll();
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        List<ResponseInputItem> input = new ArrayList<>();
        input.add(ResponseInputItem.ofEasyInputMessage(question));
        calls.forEach(call -> input.add(ResponseInputItem.ofFunctionCall(call)));
        input.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                .callId(calls.get(0).callId()).output("18C, sunny").build()));
        input.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                .callId(calls.get(1).callId()).output("21C, cloudy").build()));

        Response second = client().responses().create(ResponseCreateParams.builder().model("gpt-4o")
                .inputOfResponse(input).addTool(weatherTool())
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of())).build());

        assertThat(text(second)).isEqualTo("Hello! How can I assist you today?");
        assertThat(calls(second)).isEmpty();
        JsonNode messages = sent(OPENAI_CHAT, 0).path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(1).path("tool_calls").get(1).path("id").asText()).isEqualTo("call_Rn4wU9tMq3Xd0ZtIe5GkAbC2");
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_Qm3vT8sLp2Wc9YsHd4FjZaB1");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("21C, cloudy");
    }

    @Test
    void aFunctionCallRoundTripOnAnthropic() throws Exception {
        stub(ANTHROPIC_MESSAGES, json(Fixtures.text("anthropic/messages-response-parallel-tool-use.json")));
        EasyInputMessage question = EasyInputMessage.builder().role(EasyInputMessage.Role.USER)
                .content("Weather in Lisbon and Porto?").build();
        ResponseCreateParams.Builder params = ResponseCreateParams.builder().model("claude-sonnet").addTool(weatherTool())
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of()));

        Response first = client().responses().create(params.inputOfResponse(List.of(
                ResponseInputItem.ofEasyInputMessage(question))).build());

        assertThat(text(first)).isEqualTo("I'll check both cities.");
        List<ResponseFunctionToolCall> calls = calls(first);
        assertThat(calls).extracting(ResponseFunctionToolCall::callId)
                .containsExactly("toolu_01A09q90qw90lq917835lq9", "toolu_01B19r91rx91mr928946mr0");

        emulator.resetAll();
        stub(ANTHROPIC_MESSAGES, json(Fixtures.text("anthropic/messages-response.json")));
        List<ResponseInputItem> input = new ArrayList<>();
        input.add(ResponseInputItem.ofEasyInputMessage(question));
        input.add(ResponseInputItem.ofResponseOutputMessage(first.output().stream().filter(ResponseOutputItem::isMessage)
                .findFirst().orElseThrow().asMessage()));
        calls.forEach(call -> input.add(ResponseInputItem.ofFunctionCall(call)));
        for (ResponseFunctionToolCall call : calls) {
            input.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                    .callId(call.callId()).output("18C").build()));
        }

        Response second = client().responses().create(params.inputOfResponse(input).build());

        assertThat(second.status()).contains(ResponseStatus.COMPLETED);
        JsonNode messages = sent(ANTHROPIC_MESSAGES, 0).path("messages");
        assertThat(messages).hasSize(3);
        JsonNode assistant = messages.get(1).path("content");
        assertThat(assistant.get(0).path("text").asText()).isEqualTo("I'll check both cities.");
        assertThat(assistant.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.get(2).path("id").asText()).isEqualTo("toolu_01B19r91rx91mr928946mr0");
        JsonNode results = messages.get(2).path("content");
        assertThat(results.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.get(0).path("tool_use_id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(results.get(1).path("tool_use_id").asText()).isEqualTo("toolu_01B19r91rx91mr928946mr0");
    }

    @Test
    void answersInTheJsonSchemaAsked() throws Exception {
        stub(OPENAI_CHAT, json(Fixtures.text("openai/chat-completion.json")
                .replace("Hello! How can I assist you today?", "{\\\"city\\\":\\\"Lisbon\\\"}")));
        var schema = ResponseFormatTextJsonSchemaConfig.Schema.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                .putAdditionalProperty("additionalProperties", JsonValue.from(false)).build();

        Response response = client().responses().create(ask("gpt-4o").text(ResponseTextConfig.builder()
                .format(ResponseFormatTextJsonSchemaConfig.builder().name("city").schema(schema).strict(true).build())
                .build()).build());

        assertThat(Fixtures.JSON.readTree(text(response)).path("city").asText()).isEqualTo("Lisbon");
        assertThat(response.text().orElseThrow().format().orElseThrow().asJsonSchema().name()).isEqualTo("city");
        JsonNode format = sent(OPENAI_CHAT, 0).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("city");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("required").get(0).asText()).isEqualTo("city");
    }

    @Test
    void aResponseFailsOverToTheNextRoute() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b-instruct"));

        HttpResponseFor<Response> raw = client().responses().withRawResponse().create(ask("gpt-4o", FALLBACK).build());
        Response response = raw.parse();

        assertThat(raw.headers().values("x-switchboard-route")).containsExactly(FALLBACK);
        assertThat(model(response)).isEqualTo("llama-3.1-8b-instruct");
        assertThat(text(response)).startsWith("Hello!");
        assertThat(calls(OPENAI_CHAT)).isNotEmpty();
        assertThat(calls(COMPATIBLE_CHAT)).hasSize(1);
    }
}
