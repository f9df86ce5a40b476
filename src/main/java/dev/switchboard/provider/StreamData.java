package dev.switchboard.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reading the JSON in a stream event; anything that is not the documented schema is a {@link ProviderFailure}. */
public final class StreamData {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private StreamData() {
    }

    /** The event's data as a JSON object. */
    public static JsonNode object(ProviderId provider, String data) {
        try {
            JsonNode node = data == null ? null : JSON.readTree(data);
            if (node == null || !node.isObject()) {
                throw malformed(provider, "a stream event is not a JSON object: " + ErrorBodies.shorten(data));
            }
            return node;
        } catch (JsonProcessingException notJson) {
            throw malformed(provider, "a stream event is not JSON: " + ErrorBodies.shorten(data));
        }
    }

    /** The event's data as one of the provider's wire records. */
    public static <T> T read(ProviderId provider, JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException wrongShape) {
            throw malformed(provider, "a stream event is not the documented schema: " + wrongShape.getMessage());
        }
    }

    public static ProviderFailure.MalformedResponse malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, what, null);
    }
}
