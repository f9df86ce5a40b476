package dev.switchboard.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /models} as OpenAI documents it, {@code {"object":"list","data":[{id, object, created,
 * owned_by}]}}; vLLM, Ollama and the other OpenAI-format servers answer the same. Read only by the
 * health probe, so only the shape matters; fields not listed here are ignored.
 */
@RegisterForReflection
public record OpenAiModelList(String object, List<Model> data) {

    public record Model(String id, String object, Long created, @JsonProperty("owned_by") String ownedBy) {
    }

    /** The documented shape: a list under {@code data} (possibly empty, for a server with no model loaded). */
    public boolean documented() {
        return data != null;
    }
}
