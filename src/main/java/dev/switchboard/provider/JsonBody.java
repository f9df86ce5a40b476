package dev.switchboard.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A provider request body as the JSON bytes that go on the wire, written by the adapter and sent as
 * they are by {@link JsonBodyWriter}. The REST clients take these bytes rather than the request
 * object because their own Jackson writer parses the method's parameter annotations reflectively on
 * every call (looking for a {@code @JsonView}): a twentieth of the gateway's CPU under load. The JSON
 * sent is the same.
 */
public final class JsonBody {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final byte[] bytes;

    private JsonBody(byte[] bytes) {
        this.bytes = bytes;
    }

    public static JsonBody of(Object body) {
        try {
            return new JsonBody(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provider request could not be written as JSON", e);
        }
    }

    /** The JSON, UTF-8. Not a copy: nothing may change it. */
    public byte[] bytes() {
        return bytes;
    }
}
