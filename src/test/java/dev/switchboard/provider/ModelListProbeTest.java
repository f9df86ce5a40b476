package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.provider.anthropic.AnthropicModelList;
import dev.switchboard.provider.gemini.GeminiModelList;
import dev.switchboard.provider.openai.OpenAiModelList;
import dev.switchboard.support.Fixtures;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/** What makes a probe's answer a model list, and how everything else is typed. */
class ModelListProbeTest {

    private static final ProviderId P = ProviderId.OPENAI;

    private static <T> UniAssertSubscriber<Void> probe(Uni<T> answer, java.util.function.Predicate<T> documented) {
        return ModelListProbe.check(P, () -> answer, documented).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void eachProvidersDocumentedModelListIsAnAnswer() throws Exception {
        OpenAiModelList openAi = Fixtures.JSON.readValue(Fixtures.text("openai/models-list.json"), OpenAiModelList.class);
        OpenAiModelList vllm = Fixtures.JSON.readValue(Fixtures.text("openai/models-list-vllm.json"), OpenAiModelList.class);
        AnthropicModelList anthropic = Fixtures.JSON.readValue(Fixtures.text("anthropic/models-list.json"),
                AnthropicModelList.class);
        GeminiModelList gemini = Fixtures.JSON.readValue(Fixtures.text("gemini/models-list.json"), GeminiModelList.class);

        assertThat(openAi.data()).extracting(OpenAiModelList.Model::id).contains("gpt-4o");
        assertThat(vllm.data()).extracting(OpenAiModelList.Model::ownedBy).containsExactly("vllm");
        assertThat(anthropic.data()).extracting(AnthropicModelList.Model::id).containsExactly("claude-sonnet-4-5-20250929");
        assertThat(anthropic.hasMore()).isTrue();
        assertThat(gemini.models()).extracting(GeminiModelList.Model::name).containsExactly("models/gemini-2.5-flash");

        probe(Uni.createFrom().item(openAi), OpenAiModelList::documented).awaitItem();
        probe(Uni.createFrom().item(vllm), OpenAiModelList::documented).awaitItem();
        probe(Uni.createFrom().item(anthropic), AnthropicModelList::documented).awaitItem();
        probe(Uni.createFrom().item(gemini), GeminiModelList::documented).awaitItem();
    }

    @Test
    void aListWithoutItsDataIsNotTheDocumentedSchema() throws Exception {
        OpenAiModelList empty = Fixtures.JSON.readValue("{}", OpenAiModelList.class);

        Throwable failure = probe(Uni.createFrom().item(empty), OpenAiModelList::documented)
                .awaitFailure().getFailure();

        assertThat(failure).isInstanceOf(ProviderFailure.MalformedResponse.class);
    }

    @Test
    void geminiLeavesAnEmptyListOut() throws Exception {
        GeminiModelList none = Fixtures.JSON.readValue("{}", GeminiModelList.class);

        probe(Uni.createFrom().item(none), GeminiModelList::documented).awaitItem();
    }

    @Test
    void noBodyIsNotTheDocumentedSchema() {
        Throwable failure = probe(Uni.createFrom().<OpenAiModelList>nullItem(), OpenAiModelList::documented)
                .awaitFailure().getFailure();

        assertThat(failure).isInstanceOf(ProviderFailure.MalformedResponse.class);
    }

    @Test
    void aRefusedConnectionIsTyped() {
        Throwable failure = probe(Uni.createFrom().<OpenAiModelList>failure(new ConnectException("refused")),
                OpenAiModelList::documented).awaitFailure().getFailure();

        assertThat(failure).isInstanceOf(ProviderFailure.ConnectionFailed.class);
    }

    @Test
    void anErrorStatusTypedByTheClientPassesUnchanged() {
        ProviderFailure rejected = new ProviderFailure.AuthRejected(P, 401, "bad key");

        Throwable failure = probe(Uni.createFrom().<OpenAiModelList>failure(rejected), OpenAiModelList::documented)
                .awaitFailure().getFailure();

        assertThat(failure).isSameAs(rejected);
    }

    @Test
    void theCallIsMadeOnlyWhenTheProbeRuns() {
        AtomicInteger calls = new AtomicInteger();
        Uni<Void> probe = ModelListProbe.check(P, () -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(new OpenAiModelList("list", java.util.List.of()));
        }, OpenAiModelList::documented);
        assertThat(calls).hasValue(0);

        probe.await().atMost(Duration.ofSeconds(1));
        probe.await().atMost(Duration.ofSeconds(1));
        assertThat(calls).as("once per run").hasValue(2);
    }
}
