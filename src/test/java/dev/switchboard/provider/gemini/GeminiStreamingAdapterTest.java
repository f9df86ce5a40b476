package dev.switchboard.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@link GeminiAdapter#stream} against a client that answers with a fixture stream. */
class GeminiStreamingAdapterTest {

    private static final Map<String, String> PROPERTIES = TestConfig.seed(
            "quarkus.rest-client.gemini.url", "https://gemini.test",
            "switchboard.providers.gemini.api-key", "gemini-test-key");
    private static final Route ROUTE = Route.adHoc(ProviderId.GEMINI, "gemini-2.5-flash");
    private static final ChatRequest BREAD = ChatRequest.of(
            List.of(ChatMessage.of(Role.USER, "Say bread in three languages")));

    /** Records what the adapter sends and answers with a fixture stream. */
    private static final class StreamingClient implements GeminiClient {
        private final String fixture;
        private final List<GeminiRequest> sent = new ArrayList<>();
        private String baseUrl;
        private String model;
        private String apiKey;

        StreamingClient(String fixture) {
            this.fixture = fixture;
        }

        @Override
        public Uni<GeminiResponse> generateContent(String baseUrl, String model, String apiKey, JsonBody body) {
            throw new UnsupportedOperationException("the stream test calls only streamGenerateContent");
        }

        @Override
        public Multi<byte[]> streamGenerateContent(String baseUrl, String model, String apiKey,
                JsonBody body) {
            this.baseUrl = baseUrl;
            this.model = model;
            this.apiKey = apiKey;
            sent.add(Fixtures.sent(body, GeminiRequest.class));
            return Multi.createFrom().iterable(Fixtures.pieces(fixture, 7));
        }

        @Override
        public Uni<GeminiModelList> listModels(String baseUrl, String apiKey) {
            throw new UnsupportedOperationException("the stream test calls only streamGenerateContent");
        }

        @Override
        public Uni<GeminiEmbeddings.Single> embedContent(String baseUrl, String model, String apiKey, JsonBody body) {
            throw new UnsupportedOperationException("the stream test calls only streamGenerateContent");
        }

        @Override
        public Uni<GeminiEmbeddings.Batch> batchEmbedContents(String baseUrl, String model, String apiKey, JsonBody body) {
            throw new UnsupportedOperationException("the stream test calls only streamGenerateContent");
        }
    }

    private static GeminiAdapter adapter(GeminiClient client) {
        return new GeminiAdapter(client, TestConfig.endpoints(PROPERTIES));
    }

    private static AssertSubscriber<StreamEvent> subscribe(Multi<StreamEvent> stream) {
        return stream.subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    @Test
    void streamsTheDecodedAnswerOfTheRoutesModel() {
        StreamingClient client = new StreamingClient("gemini/stream-generate-content.sse");
        List<StreamEvent> events = subscribe(adapter(client).stream(BREAD, ROUTE, Optional.empty()))
                .awaitCompletion().getItems();

        assertThat(events).first().isEqualTo(new Started("kX9qaPbLCJ6nz7IPr8WQqAw", "gemini-2.5-flash"));
        assertThat(events).filteredOn(Text.class::isInstance).extracting(event -> ((Text) event).text())
                .containsExactly("Bread", " in three languages:\n\nFrench: pain\nGerman: Br", "ot\nJapanese: パン (pan)\n");
        assertThat(events).endsWith(new Finished(FinishReason.STOP), new UsageReported(new Usage(9, 393, 0, 0, 372)));
        assertThat(client.baseUrl).as("none: the REST client has the configured URL").isNull();
        assertThat(client.model).isEqualTo("gemini-2.5-flash");
        assertThat(client.apiKey).isEqualTo("gemini-test-key");
        assertThat(client.sent).containsExactly(GeminiTranslator.toGemini(BREAD));
    }

    @Test
    void refusesToContinueAPartialAnswerWithoutCallingGemini() {
        StreamingClient client = new StreamingClient("gemini/stream-generate-content.sse");
        Throwable failure = subscribe(adapter(client).stream(BREAD, ROUTE, Optional.of("Bread in")))
                .awaitFailure().getFailure();

        assertThat(failure).isInstanceOfSatisfying(ProviderFailure.RequestRejected.class, rejected -> {
            assertThat(rejected.provider()).isEqualTo(ProviderId.GEMINI);
            assertThat(rejected.getMessage()).isEqualTo("gemini cannot continue a partial answer");
        });
        assertThat(client.sent).isEmpty();
    }

    @Test
    void aSafetyStopBeforeAnyTextEndsTheStreamWithATypedFailure() {
        StreamingClient client = new StreamingClient("gemini/stream-safety-before-text.sse");
        AssertSubscriber<StreamEvent> subscriber = subscribe(adapter(client).stream(BREAD, ROUTE, Optional.empty()))
                .awaitFailure();

        assertThat(subscriber.getItems()).isEmpty();
        assertThat(subscriber.getFailure()).isInstanceOf(ProviderFailure.ContentFiltered.class);
    }
}
