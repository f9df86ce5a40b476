package dev.switchboard.provider.gemini;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Gemini's {@code Content}: one turn of a conversation, or the system instruction (which has no role).
 *
 * @param role {@code user} or {@code model}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record GeminiContent(String role, List<Part> parts) {

    /**
     * One part of a turn; exactly one of its data fields is set. A text part with {@code thought: true}
     * is a summary of the model's reasoning, which comes only when the request asks for it
     * ({@code includeThoughts}, with a {@code reasoning_effort}): it is reasoning, not answer.
     *
     * @param thoughtSignature Gemini's opaque token for the reasoning behind this part; on a
     *                         {@code functionCall} part it must come back, unchanged and on the same
     *                         part, in the next turns (see {@link GeminiToolCallIds})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Part(String text, Blob inlineData, FileData fileData, FunctionCall functionCall,
            FunctionResponse functionResponse, String thoughtSignature, Boolean thought) {

        public Part(String text, Blob inlineData, FileData fileData, FunctionCall functionCall,
                FunctionResponse functionResponse, String thoughtSignature) {
            this(text, inlineData, fileData, functionCall, functionResponse, thoughtSignature, null);
        }

        public Part(String text) {
            this(text, null, null, null, null, null);
        }

        @JsonIgnore
        public boolean isThought() {
            return Boolean.TRUE.equals(thought);
        }

        static Part inline(String mimeType, String base64) {
            return new Part(null, new Blob(mimeType, base64), null, null, null, null);
        }

        static Part file(String mimeType, String uri) {
            return new Part(null, null, new FileData(mimeType, uri), null, null, null);
        }

        static Part call(String name, JsonNode args, String thoughtSignature) {
            return new Part(null, null, null, new FunctionCall(null, name, args), null, thoughtSignature);
        }

        static Part response(String name, JsonNode response) {
            return new Part(null, null, null, null, new FunctionResponse(name, response), null);
        }
    }

    /** Bytes sent with the request, base64-encoded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Blob(String mimeType, String data) {
    }

    /** Data Gemini fetches itself, from a URI. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record FileData(String mimeType, String fileUri) {
    }

    /**
     * A call the model asks for. Switchboard never sends an {@code id} (Gemini matches a response to
     * its call by name and order) and reads the one Gemini may give.
     *
     * @param args the arguments, a JSON object
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record FunctionCall(String id, String name, JsonNode args) {
    }

    /** @param response the function's result, a JSON object */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record FunctionResponse(String name, JsonNode response) {
    }
}
