package dev.switchboard.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.StreamEvent.Done;
import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;
import dev.switchboard.chat.StreamEvent.UsageReported;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;

class OpenAiStreamDecoderTest {

    private static final String ID = "chatcmpl-C4mK2vQ8xTz1LbN7pR3sWd9YfHj";
    private static final String MODEL = "gpt-4o-2024-08-06";

    private final OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(ProviderId.OPENAI);

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":1754988301,\"model\":\""
                + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    @Test
    void decodesAWholeStreamWithUsageOnItsLastChunk() {
        assertThat(Fixtures.decoded(decoder, "openai/chat-completion-stream.sse")).containsExactly(
                new Started(ID, MODEL),
                new Text("Hi"),
                new Text(" there"),
                new Text("! How can I help?"),
                new Finished(FinishReason.STOP),
                new UsageReported(new Usage(17, 9)),
                new Done());
    }

    @Test
    void reportsUsageOnlyFromTheChunkThatCarriesIt() {
        // With include_usage every other chunk has "usage": null, and the usage chunk has no choices.
        List<Fixtures.Sse> stream = Fixtures.sse("openai/chat-completion-stream.sse");
        Fixtures.Sse usageChunk = stream.get(stream.size() - 2);
        stream.subList(0, stream.size() - 2).forEach(event -> assertThat(decoder.decode(event.name(), event.data()))
                .noneMatch(UsageReported.class::isInstance));
        assertThat(decoder.decode(usageChunk.name(), usageChunk.data()))
                .containsExactly(new UsageReported(new Usage(17, 9)));
    }

    @Test
    void reportsTheCachedPartOfThePrompt() {
        String usage = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1754988301,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[],\"usage\":{\"prompt_tokens\":2006,"
                + "\"completion_tokens\":300,\"total_tokens\":2306,\"prompt_tokens_details\":{\"cached_tokens\":1920,"
                + "\"audio_tokens\":0}}}";

        assertThat(decoder.decode(null, usage)).endsWith(new UsageReported(new Usage(2006, 300, 1920)));
    }

    @Test
    void aStreamedRefusalFinishesAsAContentFilter() {
        assertThat(Fixtures.decoded(decoder, "openai/chat-completion-stream-refusal.sse")).containsExactly(
                new Started(ID, MODEL),
                new Text("I'm sorry,"),
                new Text(" I can't help with that."),
                new Finished(FinishReason.CONTENT_FILTER),
                new UsageReported(new Usage(17, 11)),
                new Done());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "stop, STOP", "length, LENGTH", "content_filter, CONTENT_FILTER", "tool_calls, TOOL_CALLS" })
    void mapsFinishReasons(String finishReason, FinishReason expected) {
        decoder.decode(null, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        assertThat(decoder.decode(null, chunk("{}", finishReason))).containsExactly(new Finished(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "[DONE]", " [DONE] " })
    void doneEndsTheStream(String data) {
        assertThat(decoder.decode(null, data)).containsExactly(new Done());
    }

    @Test
    void throwsTheErrorEventThatBreaksOffAStream() {
        List<Fixtures.Sse> stream = Fixtures.sse("openai/chat-completion-stream-server-error.sse");
        List<StreamEvent> before = stream.subList(0, stream.size() - 1).stream()
                .flatMap(event -> decoder.decode(event.name(), event.data()).stream()).toList();
        assertThat(before).containsExactly(new Started(ID, MODEL), new Text("The answer"));

        Fixtures.Sse error = stream.get(stream.size() - 1);
        assertThatThrownBy(() -> decoder.decode(error.name(), error.data()))
                .isInstanceOfSatisfying(ProviderFailure.ServerError.class, failure -> {
                    assertThat(failure.status()).as("no HTTP status mid-stream").isZero();
                    assertThat(failure.getMessage()).isEqualTo("error event in the stream: "
                            + "The server had an error while processing your request. Sorry about that!");
                });
    }

    @Test
    void aContentPolicyErrorEventIsAContentFilterFailure() {
        assertThatThrownBy(() -> decoder.decode(null, Fixtures.text("openai/error-content-policy.json")))
                .isInstanceOf(ProviderFailure.ContentFiltered.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "<html><body>502 Bad Gateway</body></html>", "[1, 2]", "" })
    void dataThatIsNotAJsonObjectIsMalformed(String data) {
        assertThatThrownBy(() -> decoder.decode(null, data))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessageStartingWith("a stream event is not");
    }

    @Test
    void aFirstChunkThatNamesNoModelIsMalformed() {
        assertThatThrownBy(() -> decoder.decode(null, "{\"id\":\"" + ID + "\",\"choices\":[]}"))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessage("the first chunk names no model");
    }

    @Test
    void choicesThatAreNotAListAreMalformed() {
        assertThatThrownBy(() -> decoder.decode(null, "{\"id\":\"" + ID + "\",\"model\":\"" + MODEL
                + "\",\"choices\":\"none\"}"))
                .isInstanceOf(ProviderFailure.MalformedResponse.class)
                .hasMessageStartingWith("a stream event is not the documented schema");
    }

    @Test
    void decodesParallelToolCallsStreamedInPieces() {
        String id = "chatcmpl-Cb2nX7pQ4vRt9LmW3sKd8YfHj";
        List<StreamEvent> events = Fixtures.decoded(decoder, "openai/chat-completion-stream-tool-calls.sse");
        assertThat(events).containsExactly(
                new Started(id, MODEL),
                new StreamEvent.ToolCallStarted(0, "call_Qm3vT8sLp2Wc9YsHd4FjZaB1", "get_weather"),
                new StreamEvent.ToolCallArguments(0, "{\"ci"),
                new StreamEvent.ToolCallArguments(0, "ty\": \"Lis"),
                new StreamEvent.ToolCallArguments(0, "bon\"}"),
                new StreamEvent.ToolCallStarted(1, "call_Rn4wU9tMq3Xd0ZtIe5GkAbC2", "get_weather"),
                new StreamEvent.ToolCallArguments(1, "{\"ci"),
                new StreamEvent.ToolCallArguments(1, "ty\": \"Por"),
                new StreamEvent.ToolCallArguments(1, "to\"}"),
                new Finished(FinishReason.TOOL_CALLS),
                new UsageReported(new Usage(82, 51)),
                new Done());
    }

    @Test
    void aToolCallWhoseFirstPieceNamesNoFunctionIsMalformed() {
        decoder.decode(null, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        assertThatThrownBy(() -> decoder.decode(null,
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}", null)))
                .isInstanceOf(ProviderFailure.MalformedResponse.class).hasMessageContaining("tool call");
    }

    @Test
    void aChunksLogProbabilitiesComeBeforeItsText() {
        decoder.decode(null, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        String withLogprobs = chunk("{\"content\":\"Yes\"}", null).replace("\"finish_reason\":null",
                "\"logprobs\":{\"content\":[{\"token\":\"Yes\",\"logprob\":-0.01,\"bytes\":[89,101,115],\"top_logprobs\":[]}]},"
                        + "\"finish_reason\":null");
        List<StreamEvent> events = decoder.decode(null, withLogprobs);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(StreamEvent.LogprobsReported.class, reported ->
                assertThat(reported.logprobs().path("content").get(0).path("token").asText()).isEqualTo("Yes"));
        assertThat(events.get(1)).isEqualTo(new Text("Yes"));
    }

    @Test
    void reasoningTextOfServersThatShowItIsDecodedBeforeTheAnswer() {
        decoder.decode(null, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        assertThat(decoder.decode(null, chunk("{\"reasoning_content\":\"Let me think.\"}", null)))
                .containsExactly(new StreamEvent.Thinking("Let me think."));
        assertThat(decoder.decode(null, chunk("{\"reasoning\":\" Done.\",\"content\":\"42\"}", null)))
                .containsExactly(new StreamEvent.Thinking(" Done."), new Text("42"));
    }

    @Test
    void reasoningTokensAreReadFromTheUsage() {
        String usage = "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"o3\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":300,\"total_tokens\":320,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":8},\"completion_tokens_details\":{\"reasoning_tokens\":256}}}";
        assertThat(decoder.decode(null, usage)).contains(new UsageReported(new Usage(20, 300, 8, 0, 256)));
    }
}
