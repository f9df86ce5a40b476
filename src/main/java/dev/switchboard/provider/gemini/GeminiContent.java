package dev.switchboard.provider.gemini;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Gemini's {@code Content}: one turn of a conversation, or the system instruction (which has no role).
 *
 * @param role {@code user} or {@code model}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record GeminiContent(String role, List<Part> parts) {

    /** Only text parts: images, function calls and the like come with tool support in a later release. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String text) {
    }
}
