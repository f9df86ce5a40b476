package dev.switchboard.provider.gemini;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.Tool;
import dev.switchboard.provider.EventStreamReader;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ModelListProbe;
import dev.switchboard.provider.ProviderAdapter;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GeminiAdapter implements ProviderAdapter {

    private final GeminiClient client;
    private final ProviderEndpoints endpoints;

    public GeminiAdapter(@RestClient GeminiClient client, ProviderEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public ProviderType type() {
        return ProviderType.GEMINI;
    }

    /** Declining here lets the router pick another route instead of silently dropping what the caller asked. */
    @Override
    public Optional<String> unsupported(ChatRequest request) {
        return unsupported(request, "gemini");
    }

    /**
     * Why the GenerateContent API cannot serve the request as asked, if so; shared with Gemini on
     * Vertex AI, which takes the same request.
     *
     * @param api the API's name, for the message
     */
    public static Optional<String> unsupported(ChatRequest request, String api) {
        Optional<String> untranslatable = Parameters.firstUntranslatable(request, GeminiTranslator.TRANSLATED_PARAMS);
        if (untranslatable.isPresent()) {
            return Optional.of("parameter '" + untranslatable.get() + "' is not supported by " + api);
        }
        Optional<String> notANumber = GeminiTranslator.NUMBER_PARAMS.stream()
                .filter(name -> !isNumberOrNull(request.extraParams().get(name)))
                .sorted()
                .findFirst();
        if (notANumber.isPresent()) {
            return Optional.of("parameter '" + notANumber.get() + "' must be a number for " + api);
        }
        if (!request.hasConversation()) {
            return Optional.of(api + " needs at least one user or assistant message");
        }
        if (Boolean.FALSE.equals(request.tools().parallel())) {
            // Gemini has no switch for it: a model may always answer with several calls at once.
            return Optional.of("parallel_tool_calls=false is not supported by " + api);
        }
        return untranslatableSchema(request);
    }

    /** The first schema, of a tool's parameters or of the response format, that Gemini's Schema cannot express. */
    private static Optional<String> untranslatableSchema(ChatRequest request) {
        List<Tool> tools = request.tools().definitions();
        for (int i = 0; i < tools.size(); i++) {
            Optional<String> rejection = GeminiSchema.rejection(tools.get(i).parameters(),
                    GeminiTranslator.parametersPath(i));
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return request.format().jsonSchema()
                .flatMap(schema -> GeminiSchema.rejection(schema, GeminiTranslator.RESPONSE_SCHEMA_PATH));
    }

    private static boolean isNumberOrNull(JsonNode value) {
        return value == null || value.isNull() || value.isNumber();
    }

    @Override
    public Uni<ChatResult> chat(ChatRequest request, Route route) {
        ProviderId instance = route.provider();
        GeminiRequest body = GeminiTranslator.toGemini(request);
        return client.generateContent(endpoints.callUrl(instance), route.model(), endpoints.apiKey(instance),
                        JsonBody.of(body))
                .map(response -> GeminiTranslator.fromGemini(response, instance, route.model()));
    }

    /** {@code GET /v1beta/models?pageSize=1}, the key in {@code x-goog-api-key} as for a completion. */
    @Override
    public Uni<Void> probe(ProviderId instance) {
        return ModelListProbe.check(instance,
                () -> client.listModels(endpoints.callUrl(instance), endpoints.apiKey(instance)),
                GeminiModelList::documented);
    }

    /**
     * Gemini has no way to continue a partial answer ({@link ProviderType#canContinue} is false), so
     * the router never offers it a prefill. One that arrives anyway is refused, not ignored: a fresh
     * answer would repeat, after what the caller already has, the start of the answer again.
     * The decoder keeps state, so each subscription gets its own.
     */
    @Override
    public Multi<StreamEvent> stream(ChatRequest request, Route route, Optional<String> prefill) {
        if (prefill.isPresent()) {
            return Multi.createFrom().failure(new ProviderFailure.RequestRejected(route.provider(), 0,
                    "gemini cannot continue a partial answer"));
        }
        ProviderId instance = route.provider();
        GeminiRequest body = GeminiTranslator.toGemini(request);
        return EventStreamReader.decode(instance,
                () -> client.streamGenerateContent(endpoints.callUrl(instance), route.model(), endpoints.apiKey(instance),
                        JsonBody.of(body)),
                () -> new GeminiStreamDecoder(instance, route.model()));
    }
}
