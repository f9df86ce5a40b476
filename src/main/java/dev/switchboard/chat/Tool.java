package dev.switchboard.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function the model may call.
 *
 * @param parameters the JSON Schema of its arguments (an object schema); never null
 * @param strict     whether the arguments must follow the schema exactly (OpenAI's structured outputs);
 *                   null when the caller did not say
 * @param cache      a prompt-cache breakpoint after this tool's definition, or null
 */
public record Tool(String name, String description, JsonNode parameters, Boolean strict, CacheHint cache) {
}
