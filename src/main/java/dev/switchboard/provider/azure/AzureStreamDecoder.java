package dev.switchboard.provider.azure;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.StreamData;
import dev.switchboard.provider.StreamDecoder;
import dev.switchboard.provider.openai.OpenAiStreamDecoder;

/**
 * Reads an Azure OpenAI stream: OpenAI's chunks ({@link OpenAiStreamDecoder}), opened by Azure with a
 * chunk of its own that reports the prompt's content-filter results and nothing else:
 * {@code {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[...]}}.
 * Read as an OpenAI chunk it would start the answer with an empty id and model, so it is passed over;
 * the answer starts with the first real chunk, which must name its model as OpenAI's must. Later chunks
 * carry {@code content_filter_results} beside their choices, which the OpenAI decoder ignores.
 */
public final class AzureStreamDecoder implements StreamDecoder {

    private final ProviderId provider;
    private final OpenAiStreamDecoder openAi;
    /** Whether a chunk other than Azure's filter report came: from then on every event is OpenAI's. */
    private boolean answering;

    public AzureStreamDecoder(ProviderId provider) {
        this.provider = provider;
        this.openAi = new OpenAiStreamDecoder(provider);
    }

    @Override
    public List<StreamEvent> decode(String event, String data) {
        if (!answering) {
            if (data != null && !"[DONE]".equals(data.strip()) && filterReport(StreamData.object(provider, data))) {
                return List.of();
            }
            answering = true;
        }
        return openAi.decode(event, data);
    }

    /** Azure's report on the prompt alone: filter results, no choices, no usage and no model. */
    static boolean filterReport(JsonNode chunk) {
        return chunk.has("prompt_filter_results") && chunk.path("choices").isEmpty() && !chunk.hasNonNull("usage")
                && chunk.path("model").asText("").isEmpty();
    }
}
