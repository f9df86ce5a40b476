package dev.switchboard.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ReasoningEffort;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.anthropic.AnthropicTranslator;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.support.Fixtures;

/** A Messages API body read into the gateway's conversation, and what providers then get of it. */
class MessagesReaderTest {

    private static final MessagesReader READER = new MessagesReader(5L << 20);

    private static MessagesReader.MessagesCall read(String json) throws Exception {
        return READER.read(Fixtures.JSON.readTree(json), "interleaved-thinking-2025-05-14");
    }

    private static final String ROUND_TRIP = "{\"model\":\"claude-sonnet\",\"max_tokens\":4096,\"stream\":true,"
            + "\"system\":\"Be brief.\",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":3000},\"top_k\":5,"
            + "\"stop_sequences\":[\"END\"],\"metadata\":{\"user_id\":\"u1\"},"
            + "\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"},\"cache_control\":{\"type\":\"ephemeral\"}}],"
            + "\"tool_choice\":{\"type\":\"any\",\"disable_parallel_tool_use\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather?\"},"
            + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Look it up.\",\"signature\":\"EqQB\"},"
            + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"get_weather\",\"input\":{\"city\":\"Lisbon\"}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01\",\"content\":\"18C\"},"
            + "{\"type\":\"text\",\"text\":\"And Porto?\",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}]}]}";

    @Test
    void blocksBecomeTheConversationsPartsCallsResultsAndReasoning() throws Exception {
        MessagesReader.MessagesCall call = read(ROUND_TRIP);
        ChatRequest request = call.request();

        assertThat(call.model()).isEqualTo("claude-sonnet");
        assertThat(call.stream()).isTrue();
        assertThat(request.messages()).extracting(ChatMessage::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.USER);
        assertThat(request.messages().get(1).content().get(1)).isInstanceOf(ContentPart.Image.class);
        assertThat(((ContentPart.Image) request.messages().get(1).content().get(1)).source())
                .isEqualTo(new ImageSource.Inline("image/png", "iVBORw0KGgo="));
        ChatMessage assistant = request.messages().get(2);
        assertThat(assistant.thinking().get(0).signature()).isEqualTo("EqQB");
        assertThat(assistant.toolCalls().get(0).arguments()).isEqualTo("{\"city\":\"Lisbon\"}");
        assertThat(request.messages().get(3).toolCallId()).isEqualTo("toolu_01");
        assertThat(request.messages().get(4).content().get(0).cache().ttl()).isEqualTo("1h");
        assertThat(request.tools().choice()).isEqualTo(ToolChoice.REQUIRED);
        assertThat(request.tools().parallel()).isFalse();
        assertThat(request.tools().definitions().get(0).cache()).isNotNull();
        assertThat(request.stop()).containsExactly("END");
        assertThat(request.user()).isEqualTo("u1");
        assertThat(request.anthropicBeta()).isEqualTo("interleaved-thinking-2025-05-14");
        assertThat(ReasoningEffort.budget(request)).contains(3000);
        assertThat(request.extraParams().get(Parameters.TOP_K).asInt()).isEqualTo(5);
    }

    @Test
    void anthropicGetsTheExactBudgetAndTopKAndOpenAiTheNearestEffort() throws Exception {
        ChatRequest request = read(ROUND_TRIP).request();

        JsonNode anthropic = Fixtures.JSON.valueToTree(AnthropicTranslator.toAnthropic(request, "claude-sonnet-4-5", 4096));
        assertThat(anthropic.path("thinking").path("budget_tokens").asInt()).isEqualTo(3000);
        assertThat(anthropic.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(anthropic.path("top_k").asInt()).isEqualTo(5);

        JsonNode openAi = OpenAiTranslator.toOpenAi(request, "o4-mini", ProviderType.OPENAI);
        assertThat(openAi.path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(ReasoningEffort.level(Fixtures.JSON.getNodeFactory().numberNode(0)).asText()).isEqualTo("none");
        assertThat(ReasoningEffort.level(Fixtures.JSON.getNodeFactory().numberNode(1024)).asText()).isEqualTo("low");
        assertThat(ReasoningEffort.level(Fixtures.JSON.getNodeFactory().numberNode(100000)).asText()).isEqualTo("xhigh");
    }

    @Test
    void structuredOutputsAndSystemTurnsAreRead() throws Exception {
        ChatRequest request = read("{\"model\":\"m\",\"max_tokens\":10,\"output_config\":{\"format\":{\"type\":\"json_schema\","
                + "\"schema\":{\"type\":\"object\"}}},\"thinking\":{\"type\":\"disabled\"},\"service_tier\":\"auto\","
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Rules.\"},{\"role\":\"user\",\"content\":\"JSON\"}]}").request();

        assertThat(request.format().kind()).isEqualTo(ResponseFormat.Kind.JSON_SCHEMA);
        assertThat(request.systemPrompt()).contains("Rules.");
        assertThat(ReasoningEffort.budget(request)).contains(0);
    }
}
