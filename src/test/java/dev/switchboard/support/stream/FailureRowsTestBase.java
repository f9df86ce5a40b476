package dev.switchboard.support.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.degraded.LastKnownGood;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.support.Fixtures;
import io.quarkus.arc.Arc;

/**
 * What the row-by-row failure tests of an API share (each runs under {@link FailureRowsProfile}): each
 * provider's answers and errors as scripts, in its own wire format, and a warm-up of the API's whole
 * and streamed paths before the first test, so that a cold JVM's first call does not miss the suite's
 * 1 s provider timeout or first-token limit and fail a row for the wrong reason.
 */
public abstract class FailureRowsTestBase extends StreamingTestBase {

    /** An ad-hoc OpenAI-compatible route: it may not continue a broken stream. */
    public static final String FALLBACK = "openai-compatible/llama-3.1-8b";
    /** The model the fallback names in its answers. */
    public static final String FALLBACK_MODEL = "llama-3.1-8b-instruct";
    /** The model the Anthropic fixtures name. */
    public static final String CLAUDE_MODEL = "claude-sonnet-4-5-20250929";
    /** What degraded mode says when it has nothing remembered, for the general category. */
    public static final String GENERAL = "I'm experiencing technical difficulties. Please try again in a few minutes.";
    /** The answer of {@code openai/chat-completion.json}: 19 prompt tokens, 10 completion tokens. */
    public static final String OPENAI_FIXTURE_TEXT = "Hello! How can I assist you today?";
    /** The answer of {@code anthropic/messages-response.json}: 2095 input tokens, 503 output tokens. */
    public static final String ANTHROPIC_FIXTURE_TEXT = "Hi! My name is Claude.";

    private static final Set<Class<?>> WARM = ConcurrentHashMap.newKeySet();

    /** Requests that take each path the class's tests use once (their outcome does not matter). */
    protected abstract void warmUpRequests();

    @BeforeEach
    void warmUpOnce() throws InterruptedException {
        if (!WARM.add(getClass())) {
            return;
        }
        warmUpRequests();
        Thread.sleep(200);
        provider.reset();
        Arc.container().instance(ProviderBreakers.class).get().resetAll();
        Arc.container().instance(RouteAvailability.class).get().reset();
        Arc.container().instance(LastKnownGood.class).get().clear();
    }

    /** An OpenAI chat completion from the fixture, as the given model. */
    protected static Script openAiWhole(String model) {
        return Script.status(200, Fixtures.text("openai/chat-completion.json").replace("gpt-4o-2024-08-06", model));
    }

    protected static Script openAiError(int status, String fixture, String... headerLines) {
        return Script.status(status, Fixtures.text("openai/" + fixture), headerLines);
    }

    /** Anthropic's message from the fixture. */
    protected static Script anthropicWhole() {
        return Script.status(200, Fixtures.text("anthropic/messages-response.json"));
    }

    protected static Script anthropicError(int status, String fixture, String... headerLines) {
        return Script.status(status, Fixtures.text("anthropic/" + fixture), headerLines);
    }

    /** A whole OpenAI-format stream: 12 prompt tokens, one completion token a piece. */
    protected static Script openAiStream(String model, String... pieces) {
        return Script.stream().events(WireStreams.openAi(model, pieces)).end();
    }

    /** A whole Anthropic stream: 12 input tokens, one output token a piece. */
    protected static Script anthropicStream(String model, String... pieces) {
        return Script.stream().events(WireStreams.anthropic(model, pieces)).end();
    }

    /** The same script, n times over, for a path asked more than once. */
    protected static Script[] times(int n, java.util.function.Supplier<Script> script) {
        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scripts.add(script.get());
        }
        return scripts.toArray(Script[]::new);
    }
}
