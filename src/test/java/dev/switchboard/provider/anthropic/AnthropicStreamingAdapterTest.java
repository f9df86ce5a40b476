package dev.switchboard.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.StreamEvent.Done;
import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;
import dev.switchboard.chat.StreamEvent.UsageReported;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.TestConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** {@link AnthropicAdapter#stream} against a client that answers with a fixture stream. */
class AnthropicStreamingAdapterTest {

    private static final Map<String, String> PROPERTIES = TestConfig.seed(
            "quarkus.rest-client.anthropic.url", "https://anthropic.test",
            "switchboard.providers.anthropic.api-key", "sk-ant-test-key");
    private static final Route ROUTE = Route.adHoc(ProviderId.ANTHROPIC, "claude-sonnet-4-5");
    private static final ChatRequest HELLO = ChatRequest.of(List.of(ChatMessage.of(Role.USER, "Say hi")));

    /** Records what the adapter sends and answers with the given events, or fails. */
    private static final class StreamingClient implements AnthropicClient {
        private final Multi<byte[]> answer;
        private final List<AnthropicRequest> sent = new ArrayList<>();
        private String baseUrl;
        private String apiKey;
        private String version;

        StreamingClient(Multi<byte[]> answer) {
            this.answer = answer;
        }

        static StreamingClient answering(String fixture) {
            return new StreamingClient(Multi.createFrom().iterable(Fixtures.pieces(fixture, 7)));
        }

        @Override
        public Uni<AnthropicResponse> messages(String baseUrl, String apiKey, String version, String beta,
                JsonBody body) {
            throw new UnsupportedOperationException("the stream test calls only streamMessages");
        }

        @Override
        public Multi<byte[]> streamMessages(String baseUrl, String apiKey, String version, String beta,
                JsonBody body) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.version = version;
            sent.add(Fixtures.sent(body, AnthropicRequest.class));
            return answer;
        }

        @Override
        public Uni<AnthropicModelList> listModels(String baseUrl, String apiKey, String version) {
            throw new UnsupportedOperationException("the stream test calls only streamMessages");
        }
    }

    private static AnthropicAdapter adapter(AnthropicClient client) {
        return new AnthropicAdapter(client, TestConfig.endpoints(PROPERTIES), TestConfig.load(PROPERTIES));
    }

    private static AssertSubscriber<StreamEvent> subscribe(Multi<StreamEvent> stream) {
        return stream.subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    @Test
    void streamsTheDecodedAnswerOfAStreamingRequest() {
        StreamingClient client = StreamingClient.answering("anthropic/stream-basic.sse");
        List<StreamEvent> events = subscribe(adapter(client).stream(HELLO, ROUTE, Optional.empty()))
                .awaitCompletion().getItems();

        assertThat(events).containsExactly(
                new Started("msg_01Hq7XbV2nKc9RtLw3Pz5sYd", "claude-sonnet-4-5-20250929"),
                new UsageReported(new Usage(21, 1)),
                new Text("Hi"), new Text(" there!"), new Finished(FinishReason.STOP),
                new UsageReported(new Usage(21, 12)), new Done());
        assertThat(client.baseUrl).as("none: the REST client has the configured URL").isNull();
        assertThat(client.apiKey).isEqualTo("sk-ant-test-key");
        assertThat(client.version).isEqualTo("2023-06-01");
        assertThat(client.sent).singleElement().satisfies(body -> {
            assertThat(Fixtures.wire(body).path("stream").asBoolean()).isTrue();
            assertThat(body.model()).isEqualTo("claude-sonnet-4-5");
            assertThat(body.maxTokens()).as("the provider default: the Messages API requires a limit").isEqualTo(4096);
            assertThat(body.messages()).containsExactly(
                    new AnthropicRequest.Message("user", List.of(AnthropicRequest.Block.of("Say hi"))));
        });
    }

    @Test
    void continuesAPrefillSentWithoutItsTrailingWhitespace() {
        StreamingClient client = new StreamingClient(Multi.createFrom().item(Fixtures.eventStream(
                new Fixtures.Sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_02\","
                        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],\"usage\":{\"input_tokens\":9}}}"),
                new Fixtures.Sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\" there!\"}}"))));

        List<StreamEvent> events = subscribe(adapter(client).stream(HELLO, ROUTE, Optional.of("Hi ")))
                .awaitCompletion().getItems();

        assertThat(client.sent).singleElement().extracting(AnthropicRequest::messages).asList().containsExactly(
                new AnthropicRequest.Message("user", List.of(AnthropicRequest.Block.of("Say hi"))),
                new AnthropicRequest.Message("assistant", List.of(AnthropicRequest.Block.of("Hi"))));
        assertThat(events).as("the continuation as Claude sent it: the router joins it to what the caller has")
                .containsExactly(new Started("msg_02", "claude-sonnet-4-5-20250929"), new UsageReported(new Usage(9, 0)),
                        new Text(" there!"));
    }

    @Test
    void eachSubscriptionDecodesItsOwnStream() {
        StreamingClient client = StreamingClient.answering("anthropic/stream-basic.sse");
        Multi<StreamEvent> stream = adapter(client).stream(HELLO, ROUTE, Optional.empty());

        List<StreamEvent> first = subscribe(stream).awaitCompletion().getItems();
        List<StreamEvent> second = subscribe(stream).awaitCompletion().getItems();

        assertThat(second).isEqualTo(first);
        assertThat(client.sent).hasSize(2);
    }

    @Test
    void anErrorEventEndsTheStreamWithATypedFailure() {
        StreamingClient client = StreamingClient.answering("anthropic/stream-overloaded.sse");
        AssertSubscriber<StreamEvent> subscriber = subscribe(adapter(client).stream(HELLO, ROUTE, Optional.empty()))
                .awaitFailure();

        assertThat(subscriber.getItems()).containsExactly(
                new Started("msg_01Zc2NfR6tHw9QmXv4Kp8BjL", "claude-sonnet-4-5-20250929"),
                new UsageReported(new Usage(14, 1)), new Text("Once upon"));
        assertThat(subscriber.getFailure()).isInstanceOf(ProviderFailure.ServerError.class);
    }

    @Test
    void aConnectionThatFailsIsTyped() {
        StreamingClient client = new StreamingClient(Multi.createFrom().failure(new ConnectException("refused")));
        Throwable failure = subscribe(adapter(client).stream(HELLO, ROUTE, Optional.empty()))
                .awaitFailure().getFailure();

        assertThat(failure).isInstanceOfSatisfying(ProviderFailure.ConnectionFailed.class,
                connection -> assertThat(connection.provider()).isEqualTo(ProviderId.ANTHROPIC));
    }

    @Test
    void anErrorStatusTypedByTheClientPassesThrough() {
        ProviderFailure rateLimited = new ProviderFailure.RateLimited(ProviderId.ANTHROPIC, 429, "slow down", null);
        StreamingClient client = new StreamingClient(Multi.createFrom().failure(rateLimited));

        assertThat(subscribe(adapter(client).stream(HELLO, ROUTE, Optional.empty())).awaitFailure().getFailure())
                .isSameAs(rateLimited);
    }
}
