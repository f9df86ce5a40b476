package dev.switchboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.embedding.EmbeddingRequest;

/**
 * Reads a {@code POST /v1/embeddings} body as OpenAI documents it, refusing what OpenAI refuses with a
 * 400 naming the parameter, before any provider is called: {@code input} a non-empty string or an array
 * of 1 to {@value #MAX_INPUTS} non-empty strings (token arrays are refused: the gateway
 * routes text, and token ids mean nothing to another provider), {@code encoding_format} {@code float} or
 * {@code base64}, {@code dimensions} a positive integer. {@code user} is accepted and ignored; so is any
 * other field, as the chat API passes unknown ones on. {@code fallbacks} is refused: embeddings fail
 * over only along the route's configured fallbacks, which stay in its vector space.
 */
public final class EmbeddingsRequestReader {

    /** OpenAI's limit on inputs per request. */
    public static final int MAX_INPUTS = 2048;

    /** What the body asks for. */
    public record Read(String model, EmbeddingRequest request, boolean base64) {
    }

    private EmbeddingsRequestReader() {
    }

    public static Read read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(400, null, "The request body must be a JSON object", "invalid_json");
        }
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw new InvalidRequestException("model", "model is required: an embedding route name or provider/model");
        }
        if (!model.isTextual()) {
            throw new InvalidRequestException("model", "model must be a string");
        }
        if (body.has("fallbacks")) {
            throw new InvalidRequestException("fallbacks", "fallbacks is not taken by /v1/embeddings: an embedding route"
                    + " fails over only to its configured fallbacks, which return vectors of the same model and dimensions");
        }
        return new Read(model.asText(), new EmbeddingRequest(inputs(body.get("input")), dimensions(body.get("dimensions"))),
                base64(body.get("encoding_format")));
    }

    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw new InvalidRequestException("input", "input is required: a string or an array of strings");
        }
        if (input.isTextual()) {
            if (input.asText().isEmpty()) {
                throw new InvalidRequestException("input", "input must not be an empty string");
            }
            return List.of(input.asText());
        }
        if (!input.isArray()) {
            throw new InvalidRequestException("input", "input must be a string or an array of strings");
        }
        if (input.isEmpty()) {
            throw new InvalidRequestException("input", "input must not be an empty array");
        }
        if (input.size() > MAX_INPUTS) {
            throw new InvalidRequestException("input", "input may hold at most " + MAX_INPUTS + " items, had " + input.size());
        }
        List<String> texts = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String param = "input[" + i + "]";
            if (item.isNumber() || item.isArray()) {
                throw new InvalidRequestException(param, param + ": token arrays are not supported by Switchboard,"
                        + " which routes text between providers whose tokenizers differ; send the text");
            }
            if (!item.isTextual()) {
                throw new InvalidRequestException(param, param + " must be a string");
            }
            if (item.asText().isEmpty()) {
                throw new InvalidRequestException(param, param + " must not be an empty string");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private static Optional<Integer> dimensions(JsonNode dimensions) {
        if (dimensions == null || dimensions.isNull()) {
            return Optional.empty();
        }
        if (!dimensions.isIntegralNumber() || !dimensions.canConvertToInt() || dimensions.asInt() <= 0) {
            throw new InvalidRequestException("dimensions", "dimensions must be a positive integer");
        }
        return Optional.of(dimensions.asInt());
    }

    private static boolean base64(JsonNode format) {
        if (format == null || format.isNull()) {
            return false;
        }
        if (format.isTextual() && format.asText().equals("float")) {
            return false;
        }
        if (format.isTextual() && format.asText().equals("base64")) {
            return true;
        }
        throw new InvalidRequestException("encoding_format", "encoding_format must be 'float' or 'base64'");
    }
}
