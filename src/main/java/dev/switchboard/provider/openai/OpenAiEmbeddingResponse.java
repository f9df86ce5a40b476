package dev.switchboard.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of {@code POST /v1/embeddings} with {@code encoding_format: "float"}, as OpenAI documents it
 * and vLLM and Ollama serve it: {@code {"object":"list","data":[{"object":"embedding","index":0,
 * "embedding":[...]}],"model":...,"usage":{"prompt_tokens":n,"total_tokens":n}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record OpenAiEmbeddingResponse(String object, List<Item> data, String model, Usage usage) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String object, Integer index, float[] embedding) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usage(@JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("total_tokens") Integer totalTokens) {
    }
}
