package dev.switchboard.api.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.anthropic.AnthropicTranslator;
import dev.switchboard.provider.gemini.GeminiTranslator;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.support.Fixtures;

/** A Responses API body read into the gateway's conversation, and what each provider then gets. */
class ResponsesRequestReaderTest {

    static final String TOOL = "{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather in a city\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]},"
            + "\"strict\":true}";
    /** A question, the model's text and two calls as an earlier response gave them, and their outputs. */
    static final String ROUND_TRIP = "[{\"role\":\"user\",\"content\":\"Weather in Lisbon and Porto?\"},"
            + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Two cities.\"}]},"
            + "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Checking both.\",\"annotations\":[]}]},"
            + "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_lisbon\",\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\",\"status\":\"completed\"},"
            + "{\"type\":\"function_call\",\"call_id\":\"call_porto\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Porto\\\"}\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"call_lisbon\",\"output\":\"18C, sunny\"},"
            + "{\"type\":\"function_call_output\",\"call_id\":\"call_porto\",\"output\":[{\"type\":\"input_text\",\"text\":\"{\\\"temp\\\":21}\"}]}]";

    static ResponsesRequestReader.Translated read(String body) {
        try {
            return ResponsesRequestReader.read(Fixtures.JSON.readValue(body, ResponsesRequest.class), 1 << 20);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static InvalidRequestException refused(String body) {
        return (InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(() -> read(body));
    }

    @Test
    void aStringInputIsOneUserMessageAfterTheInstructions() {
        var read = read("{\"model\":\"gpt-4o\",\"instructions\":\"Be brief.\",\"input\":\"Say hi\",\"max_output_tokens\":50,"
                + "\"temperature\":0.3,\"top_p\":0.9,\"user\":\"u1\"}");

        ChatRequest request = read.request();
        assertThat(request.messages()).containsExactly(ChatMessage.of(Role.SYSTEM, "Be brief."), ChatMessage.of(Role.USER, "Say hi"));
        assertThat(request.maxTokens()).isEqualTo(50);
        assertThat(request.temperature()).isEqualTo(0.3);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.user()).isEqualTo("u1");
        assertThat(request.extraParams()).isEmpty();
        assertThat(read.streams()).isFalse();
        assertThat(read.echo().instructions()).isEqualTo("Be brief.");
        assertThat(read.echo().toolChoice()).isEqualTo("auto");
    }

    @Test
    void messagesKeepTheirRolesAndPartsImagesIncluded() {
        var read = read("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"developer\",\"content\":\"Answer in French.\"},"
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"What is this?\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBORw0KGgo=\",\"detail\":\"low\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Un logo.\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"https://example.com/a.png\"}]}],"
                + "\"stream\":true}");

        List<ChatMessage> messages = read.request().messages();
        assertThat(messages).extracting(ChatMessage::role).containsExactly(Role.DEVELOPER, Role.USER, Role.ASSISTANT, Role.USER);
        ContentPart.Image inline = (ContentPart.Image) messages.get(1).content().get(1);
        assertThat(inline.source()).isEqualTo(new ImageSource.Inline("image/png", "iVBORw0KGgo="));
        assertThat(inline.detail()).isEqualTo("low");
        assertThat(messages.get(2).text()).isEqualTo("Un logo.");
        assertThat(((ContentPart.Image) messages.get(3).content().get(0)).source())
                .isEqualTo(new ImageSource.Remote("https://example.com/a.png"));
        assertThat(read.streams()).isTrue();
    }

    @Test
    void functionCallsJoinTheAssistantTurnAndOutputsBecomeToolResults() {
        var read = read("{\"model\":\"gpt-4o\",\"tools\":[" + TOOL + "],\"input\":" + ROUND_TRIP + "}");

        List<ChatMessage> messages = read.request().messages();
        assertThat(messages).extracting(ChatMessage::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL);
        assertThat(messages.get(1).text()).isEqualTo("Checking both.");
        assertThat(messages.get(1).toolCalls()).containsExactly(
                new ToolCall("call_lisbon", "get_weather", "{\"city\":\"Lisbon\"}"),
                new ToolCall("call_porto", "get_weather", "{\"city\":\"Porto\"}"));
        assertThat(messages.get(2).toolCallId()).isEqualTo("call_lisbon");
        assertThat(messages.get(2).text()).isEqualTo("18C, sunny");
        assertThat(messages.get(3).text()).isEqualTo("{\"temp\":21}");
        var tool = read.request().tools().definitions().get(0);
        assertThat(tool.name()).isEqualTo("get_weather");
        assertThat(tool.strict()).isTrue();
        assertThat(tool.parameters().path("required").get(0).asText()).isEqualTo("city");
    }

    @Test
    void aCallWithNoTextBeforeItIsAnAssistantTurnOfItsOwn() {
        var read = read("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"f\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"ok\"}]}");

        ChatMessage call = read.request().messages().get(1);
        assertThat(call.role()).isEqualTo(Role.ASSISTANT);
        assertThat(call.content()).isEmpty();
        assertThat(call.toolCalls()).extracting(ToolCall::id).containsExactly("c1");
    }

    @Test
    void anthropicGetsToolUseBlocksAndTheResultsInOneUserTurn() {
        var request = read("{\"model\":\"claude-sonnet\",\"instructions\":\"Be brief.\",\"tools\":[" + TOOL + "],\"input\":"
                + ROUND_TRIP + "}").request();

        JsonNode sent = Fixtures.wire(AnthropicTranslator.toAnthropic(request, "claude-sonnet-4-5", 1024));

        assertThat(sent.path("system").toString()).contains("Be brief.");
        JsonNode messages = sent.path("messages");
        assertThat(messages).hasSize(3);
        JsonNode assistant = messages.get(1).path("content");
        assertThat(assistant.get(0).path("text").asText()).isEqualTo("Checking both.");
        assertThat(assistant.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.get(1).path("id").asText()).isEqualTo("call_lisbon");
        assertThat(assistant.get(2).path("input").path("city").asText()).isEqualTo("Porto");
        JsonNode results = messages.get(2).path("content");
        assertThat(results.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.get(0).path("tool_use_id").asText()).isEqualTo("call_lisbon");
        assertThat(results.get(1).path("tool_use_id").asText()).isEqualTo("call_porto");
        assertThat(sent.path("tools").get(0).path("input_schema").path("required").get(0).asText()).isEqualTo("city");
    }

    @Test
    void geminiGetsFunctionCallsAndResponsesNamedAfterTheirCalls() {
        var request = read("{\"model\":\"gemini-flash\",\"tools\":[" + TOOL.replace(",\"strict\":true", "") + "],\"input\":"
                + ROUND_TRIP + "}").request();

        JsonNode contents = Fixtures.wire(GeminiTranslator.toGemini(request)).path("contents");

        assertThat(contents).hasSize(3);
        JsonNode calls = contents.get(1).path("parts");
        assertThat(calls.get(1).path("functionCall").path("name").asText()).isEqualTo("get_weather");
        assertThat(calls.get(2).path("functionCall").path("args").path("city").asText()).isEqualTo("Porto");
        JsonNode results = contents.get(2).path("parts");
        assertThat(results.get(0).path("functionResponse").path("name").asText()).isEqualTo("get_weather");
        assertThat(results.get(0).path("functionResponse").path("response").path("output").asText()).isEqualTo("18C, sunny");
        assertThat(results.get(1).path("functionResponse").path("response").path("temp").asInt()).isEqualTo(21);
    }

    @Test
    void openAiGetsChatCompletionsToolCallsAndToolMessages() {
        var request = read("{\"model\":\"gpt-4o\",\"tools\":[" + TOOL + "],\"tool_choice\":{\"type\":\"function\","
                + "\"name\":\"get_weather\"},\"parallel_tool_calls\":false,\"input\":" + ROUND_TRIP + "}").request();

        JsonNode sent = OpenAiTranslator.toOpenAi(request, "gpt-4o", ProviderType.OPENAI);

        assertThat(sent.path("messages").get(1).path("tool_calls").get(1).path("id").asText()).isEqualTo("call_porto");
        assertThat(sent.path("messages").get(3).path("tool_call_id").asText()).isEqualTo("call_porto");
        assertThat(sent.path("tools").get(0).path("function").path("strict").asBoolean()).isTrue();
        assertThat(sent.path("tool_choice").path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
    }

    @Test
    void textFormatIsTheResponseFormatAndReasoningEffortTheChatParameter() {
        var read = read("{\"model\":\"gpt-4o\",\"input\":\"hi\",\"reasoning\":{\"effort\":\"high\",\"summary\":\"auto\"},"
                + "\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"city\",\"strict\":true,\"description\":\"A city\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}},\"verbosity\":\"low\"}}");

        ResponseFormat format = read.request().format();
        assertThat(format.kind()).isEqualTo(ResponseFormat.Kind.JSON_SCHEMA);
        assertThat(format.name()).isEqualTo("city");
        assertThat(format.strict()).isTrue();
        assertThat(format.description()).isEqualTo("A city");
        assertThat(format.schema().path("properties").has("name")).isTrue();
        assertThat(read.request().extraParams().get(Parameters.REASONING_EFFORT).asText()).isEqualTo("high");
        assertThat(read.request().extraParams().get("verbosity").asText()).isEqualTo("low");
        assertThat(read.echo().reasoning()).isEqualTo(new ResponseObject.Reasoning("high", "auto"));
        assertThat(read.echo().text().format().type()).isEqualTo("json_schema");
        assertThat(read("{\"model\":\"m\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"json_object\"}}}").request()
                .format()).isEqualTo(ResponseFormat.JSON_OBJECT);
    }

    @Test
    void whatSdksSendByDefaultIsAcceptedAndNotForwarded() {
        var read = read("{\"model\":\"gpt-4o\",\"input\":\"hi\",\"store\":true,\"tools\":[],\"tool_choice\":\"auto\","
                + "\"parallel_tool_calls\":true,\"truncation\":\"disabled\",\"include\":[\"reasoning.encrypted_content\"],"
                + "\"metadata\":{\"team\":\"search\"},\"previous_response_id\":null,\"background\":false}");

        assertThat(read.request().tools().offered()).isFalse();
        assertThat(read.request().extraParams()).isEmpty();
        assertThat(read.echo().metadata()).containsEntry("team", "search");
    }

    @Test
    void unknownParametersAreForwardedAsForChat() {
        var read = read("{\"model\":\"gpt-4o\",\"input\":\"hi\",\"service_tier\":\"flex\",\"presence_penalty\":0.5}");

        assertThat(read.request().extraParams()).containsOnlyKeys("service_tier", "presence_penalty");
    }

    @Test
    void aNamedToolChoiceMustBeOffered() {
        var read = read("{\"model\":\"m\",\"input\":\"hi\",\"tools\":[" + TOOL + "],\"tool_choice\":\"required\"}");
        assertThat(read.request().tools().choice()).isEqualTo(ToolChoice.REQUIRED);

        InvalidRequestException refused = refused("{\"model\":\"m\",\"input\":\"hi\",\"tools\":[" + TOOL
                + "],\"tool_choice\":{\"type\":\"function\",\"name\":\"other\"}}");
        assertThat(refused.param()).isEqualTo("tool_choice.name");
    }

    @Test
    void statefulParametersAreRefusedSayingSwitchboardIsStateless() {
        InvalidRequestException refused = refused("{\"model\":\"m\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}");

        assertThat(refused.param()).isEqualTo("previous_response_id");
        assertThat(refused.code()).isEqualTo("unsupported_parameter");
        assertThat(refused.getMessage()).contains("stateless").contains("input");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"conversation\":\"conv_1\"}").param()).isEqualTo("conversation");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"prompt\":{\"id\":\"pmpt_1\"}}").param()).isEqualTo("prompt");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"background\":true}").param()).isEqualTo("background");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]}").param())
                .isEqualTo("input[0].type");
    }

    @Test
    void aBadBodyIsRefusedNamingTheParameter() {
        assertThat(refused("{\"model\":\"m\"}").param()).isEqualTo("input");
        assertThat(refused("{\"model\":\"m\",\"input\":[]}").param()).isEqualTo("input");
        assertThat(refused("{\"model\":\"m\",\"input\":42}").param()).isEqualTo("input");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"type\":\"computer_call\"}]}").param()).isEqualTo("input[0].type");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"content\":\"hi\"}]}").param()).isEqualTo("input[0].type");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"role\":\"tool\",\"content\":\"hi\"}]}").param()).isEqualTo("input[0].role");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"role\":\"system\",\"content\":[{\"type\":\"input_image\","
                + "\"image_url\":\"https://example.com/a.png\"}]}]}").param()).isEqualTo("input[0].content[0].type");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\","
                + "\"image_url\":\"data:application/pdf;base64,AAAA\"}]}]}").param()).isEqualTo("input[0].content[0].image_url");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_file\","
                + "\"file_id\":\"f\"}]}]}").param()).isEqualTo("input[0].content[0].type");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"type\":\"function_call_output\",\"output\":\"x\"}]}").param())
                .isEqualTo("input[0].call_id");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"nowhere\",\"output\":\"x\"}]}").param()).isEqualTo("input[1].call_id");
        assertThat(refused("{\"model\":\"m\",\"input\":[{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\","
                + "\"arguments\":\"{oops\"}]}").param()).isEqualTo("input[0].arguments");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search\"}]}").param())
                .isEqualTo("tools[0].type");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"tools\":[{\"type\":\"function\",\"name\":\"a b\"}]}").param())
                .isEqualTo("tools[0].name");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"xml\"}}}").param())
                .isEqualTo("text.format.type");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"x\"}}}")
                .param()).isEqualTo("text.format.schema");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"reasoning\":{\"effort\":\"max\"}}").param())
                .isEqualTo("reasoning.effort");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"max_output_tokens\":0}").param()).isEqualTo("max_output_tokens");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"temperature\":3}").param()).isEqualTo("temperature");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"tool_choice\":\"required\"}").param()).isEqualTo("tool_choice");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"metadata\":{\"n\":1}}").param()).isEqualTo("metadata.n");
        assertThat(refused("{\"model\":\"m\",\"messages\":[]}").param()).isEqualTo("messages");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"truncation\":\"auto\"}").param()).isEqualTo("truncation");
        assertThat(refused("{\"model\":\"m\",\"input\":\"hi\",\"stream_options\":{}}").param()).isEqualTo("stream_options");
        assertThatThrownBy(() -> ResponsesRequestReader.read(null, 1)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anImageOverTheLimitIsRefusedAsTooLarge() {
        String big = "A".repeat(4000);
        InvalidRequestException refused = (InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(() ->
                ResponsesRequestReader.read(Fixtures.JSON.readValue("{\"model\":\"m\",\"input\":[{\"role\":\"user\","
                        + "\"content\":[{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64," + big + "\"}]}]}",
                        ResponsesRequest.class), 1000));

        assertThat(refused.code()).isEqualTo("image_too_large");
        assertThat(refused.param()).isEqualTo("input[0].content[0].image_url");
    }
}
