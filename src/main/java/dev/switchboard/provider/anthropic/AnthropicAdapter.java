package dev.switchboard.provider.anthropic;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.PrefillSeam;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.EventStreamReader;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ModelListProbe;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AnthropicAdapter implements ProviderAdapter {

    private static final ProviderType ID = ProviderType.ANTHROPIC;
    /** The OpenAI extra parameters Anthropic has an equivalent for: reasoning effort, as extended thinking. */
    private static final Set<String> TRANSLATED = Set.of(Parameters.REASONING_EFFORT, Parameters.TOP_K);
    private static final double MIN_TOP_P_WITH_THINKING = 0.95;

    private final AnthropicClient client;
    private final ProviderEndpoints endpoints;
    private final SwitchboardConfig config;

    public AnthropicAdapter(@RestClient AnthropicClient client, ProviderEndpoints endpoints, SwitchboardConfig config) {
        this.client = client;
        this.endpoints = endpoints;
        this.config = config;
    }

    @Override
    public ProviderType type() {
        return ID;
    }

    /** Declining is better than answering a different question: the router moves on to a route that can. */
    @Override
    public Optional<String> unsupported(ChatRequest request) {
        Optional<String> parameter = Parameters.firstUntranslatable(request, TRANSLATED);
        if (parameter.isPresent()) {
            return Optional.of("parameter '" + parameter.get() + "' is not supported by " + ID);
        }
        // Anthropic's range is 0 to 1; scaling OpenAI's 0 to 2 down would silently change the caller's intent.
        if (request.temperature() != null && request.temperature() > 1) {
            return Optional.of("temperature above 1 is not supported by " + ID);
        }
        if (!request.hasConversation()) {
            return Optional.of(ID + " needs at least one user or assistant message");
        }
        if (AnthropicTranslator.thinkingBudget(request).isPresent()) {
            return withThinking(request);
        }
        return Optional.empty();
    }

    /**
     * Extended thinking leaves the sampling to the model and lets it decide whether to call a tool:
     * Anthropic refuses a changed temperature, a top_p below 0.95, and a forced tool choice with it.
     */
    private static Optional<String> withThinking(ChatRequest request) {
        if (request.temperature() != null && request.temperature() != 1) {
            return Optional.of("temperature other than 1 with reasoning_effort is not supported by " + ID);
        }
        if (request.topP() != null && request.topP() < MIN_TOP_P_WITH_THINKING) {
            return Optional.of("top_p below 0.95 with reasoning_effort is not supported by " + ID);
        }
        ToolChoice choice = request.tools().choice();
        if (choice != null && (choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.FUNCTION)) {
            return Optional.of("tool_choice '" + choice.mode().wireName() + "' with reasoning_effort is not supported by " + ID);
        }
        return Optional.empty();
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        ProviderId instance = route.provider();
        SwitchboardConfig.Provider settings = config.providers().get(instance.name());
        int maxTokens = maxTokens(request, route, settings.defaultMaxTokens());
        AnthropicRequest body = AnthropicTranslator.toAnthropic(request, route.model(), maxTokens, route.autoCache());
        return client.messages(endpoints.callUrl(instance), endpoints.apiKey(instance), settings.apiVersion(ID),
                request.anthropicBeta(), JsonBody.of(body))
                .map(response -> AnthropicTranslator.fromAnthropic(response, instance));
    }

    /**
     * A continuation is the conversation with the answer so far as the final assistant turn, which
     * Anthropic continues word for word (its prefill); the trailing whitespace it refuses there is
     * cut (the router joins the continuation to what the caller has, see {@link PrefillSeam}). The
     * decoder keeps state, so each subscription gets its own.
     */
    @Override
    public Multi<StreamEvent> stream(ChatRequest request, Route route, Optional<String> prefill) {
        ProviderId instance = route.provider();
        SwitchboardConfig.Provider settings = config.providers().get(instance.name());
        int maxTokens = maxTokens(request, route, settings.defaultMaxTokens());
        ChatRequest asked = PrefillSeam.sendable(prefill).map(request::continuing).orElse(request);
        AnthropicRequest body = AnthropicTranslator.toAnthropic(asked, route.model(), maxTokens, route.autoCache())
                .streamed();
        String apiKey = endpoints.apiKey(instance);
        return EventStreamReader.decode(instance,
                () -> client.streamMessages(endpoints.callUrl(instance), apiKey, settings.apiVersion(ID),
                        asked.anthropicBeta(), JsonBody.of(body)),
                () -> new AnthropicStreamDecoder(instance));
    }

    /** {@code GET /v1/models?limit=1} with the same key and {@code anthropic-version} as a completion. */
    @Override
    public Uni<Void> probe(ProviderId instance) {
        String apiKey = endpoints.apiKey(instance);
        String version = config.providers().get(instance.name()).apiVersion(ID);
        return ModelListProbe.check(instance,
                () -> client.listModels(endpoints.callUrl(instance), apiKey, version),
                AnthropicModelList::documented);
    }

    /** The caller's limit, else the route's, else the provider default: the Messages API requires one. */
    static int maxTokens(ChatRequest request, Route route, int providerDefault) {
        if (request.maxTokens() != null) {
            return request.maxTokens();
        }
        return route.maxOutputTokens().orElse(providerDefault);
    }
}
